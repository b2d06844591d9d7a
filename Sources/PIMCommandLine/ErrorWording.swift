import Foundation
import PIMDomain

/// The command line's words for a failure's next step: the commands and options to run.
public enum ErrorWording {
    /// The whole sentence, as `pim: …` prints it.
    public static func sentence(_ error: PIMError) -> String {
        if case .satisfyRules(let rules) = error.step, error.event.isEmpty {
            return rules.map(fix).joined(separator: " ")
        }
        return ErrorSentence(event: error.event, step: step(error.step)).text
    }

    /// The sentence with the request id, for places with room for it.
    public static func detailed(_ error: PIMError) -> String {
        guard let requestId = error.requestId else { return sentence(error) }
        return "\(sentence(error)) (request id \(requestId))"
    }

    /// How to satisfy a policy rule the service named.
    static func fix(_ rule: PolicyRule) -> String {
        let step: String
        switch rule {
        case .justification: step = "add --justification \"why you need it\""
        case .ticketing: step = "add --ticket NUMBER (and --ticket-system NAME)"
        case .expiration: step = "ask for a shorter --duration"
        case .mfa: step = "sign in again with MFA (pim login)"
        case .eligibility: step = "ask an administrator"
        case .authenticationContext: step = "sign in again to satisfy it"
        case .other: step = ""
        }
        return ErrorSentence(event: rule.requirement, step: step).text
    }

    static func step(_ step: NextStep) -> String {
        switch step {
        case .none: ""
        case .signIn(let reason): signIn(reason)
        case .signInFromTerminal(let tenant, .accessToken):
            "run pim login\(tenant.map { " --tenant \($0)" } ?? "") in a terminal (or set PIM_ACCESS_TOKEN), "
                + "then try again"
        case .signInFromTerminal(let tenant, .runInTerminal):
            "run pim login\(tenant.map { " --tenant \($0)" } ?? "") in a terminal (or run this command in one), "
                + "then try again"
        case .useAzureCLISignIn(.notInstalled): "install it and run `az login`, or use `pim login`"
        case .useAzureCLISignIn(.signedOut): "run `az login`, or use `pim login`"
        case .useAzureCLISignIn(.noToken): "run `az login` again, or use `pim login`"
        case .replaceAccessToken(.empty): "set it to a Graph access token or run `pim login`"
        case .replaceAccessToken(.cannotStepUp): "unset it and run `pim login`"
        case .getAzureAccess(.noToken):
            "run `az login` (Azure CLI) or set PIM_ARM_ACCESS_TOKEN to see them; "
                + "directory roles and groups work as usual"
        case .getAzureAccess(.notConsented):
            "ask an administrator to consent to Azure Service Management for pim's client, or run `az login`"
        case .getAzureAccess(.tokenRefused):
            "set PIM_ARM_ACCESS_TOKEN to a fresh Azure Resource Manager token, or unset it"
        case .tryAgain: "try again"
        case .tryAgainLater(let time): time.phrase
        case .tryAgainThenInspect(report: true):
            "try again, and report it if it persists (run with --verbose to see the exchange)"
        case .tryAgainThenInspect(report: false): "try again, and run with --verbose if it persists"
        case .checkRequests(.beforeSendingAgain): "run `pim requests` to see whether it arrived before sending it again"
        case .checkRequests(.thenRetryIfMissing):
            "run `pim requests` to see whether it arrived, then try again if it did not"
        case .checkRequests(.beforeTryingAgain): "check with `pim requests` or `pim roles` before trying again"
        case .checkNetwork: "check your network connection and try again"
        case .checkEndpoint(let endpoint, let thenRetry):
            "check \(option(endpoint)) and any proxy in between" + (thenRetry ? ", then try again" : "")
        case .checkHostName(let endpoint):
            "check your network connection and the \(option(endpoint)) or --cloud setting"
        case .checkCertificates(.graph): "check the Graph URL, proxy and system certificates"
        case .checkCertificates(.login): "check the login URL, proxy and system certificates"
        case .checkCertificates(.arm): "check the Azure Resource Manager URL, proxy and system certificates"
        case .fixEndpoint(.graph): "fix --graph-url or PIM_GRAPH_URL"
        case .fixEndpoint(.login): "fix --login-url or PIM_LOGIN_URL"
        case .fixEndpoint(.arm): "fix --arm-url or PIM_ARM_URL"
        case .checkSignInSettings(includingLoginURL: true):
            "check --login-url, the tenant and the client id, then run `pim login` again"
        case .checkSignInSettings(includingLoginURL: false):
            "check the tenant and client id, then run `pim login` again"
        case .checkRequestDetails: "check the target, duration and scope, then try again"
        case .checkInput: "check the input and try again"
        case .getPermission:
            "you may need a directory role or admin consent for pim's permissions; ask an administrator, "
                + "or sign in again with `pim login`"
        case .askAdministrator: "ask an administrator"
        case .refresh(.mayBeGone): "run the listing again; it may have been removed or decided"
        case .refresh(.decidedElsewhere): "refresh the approvals to see its state"
        case .refresh(.notYours): "refresh the approvals; someone else may have to decide it"
        case .narrowListing: "narrow it (for example with --since) and try again"
        case .satisfyRules(let rules): rules.map(fix).joined(separator: " ")
        case .seeActiveOrDeactivate: "run `pim roles` to see it, or deactivate it first"
        case .seePendingOrCancel: "run `pim requests` to see it, or cancel it first"
        case .seeWhatIsActive: "run `pim roles` to see what is active now"
        case .seeWhatCanBeActivated: "run pim roles to see what you can activate"
        }
    }

    private static func signIn(_ reason: NextStep.SignInReason) -> String {
        switch reason {
        case .expired: "run `pim login` and try again"
        case .restart: "run `pim login` again"
        case .restartAndApprove: "run `pim login` again and approve it"
        case .restartPromptly: "run `pim login` again and enter the new code within 15 minutes"
        case .stepUp: "run `pim login` and satisfy the prompt, then retry"
        case .ownSignIn: "sign in with `pim login` and try again"
        case .auditScopes: "sign in with pim login --audit, or drop --all for your own history"
        }
    }

    private static func option(_ endpoint: NextStep.Endpoint) -> String {
        switch endpoint {
        case .graph: "--graph-url"
        case .login: "--login-url"
        case .arm: "--arm-url"
        }
    }
}
