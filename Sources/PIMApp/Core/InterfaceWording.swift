import PIMDomain

/// The interface's words for a failure's next step: a key where the step is one ("refresh (r)"),
/// a pane where the answer is on screen, and "quit (q)" first where the step really is another
/// command (`pim login`) or an option pim was started with.
enum InterfaceWording {
    /// The whole failure, with the parts kept apart for the status line.
    static func sentence(_ error: PIMError, after prefix: String? = nil) -> ErrorSentence {
        var event = error.event
        var step = step(error.step)
        if case .satisfyRules(let rules) = error.step, event.isEmpty {
            (event, step) = (rules.map(fix).joined(separator: " "), "")
        }
        if let prefix { event = event.isEmpty ? prefix : "\(prefix): \(event)" }
        return ErrorSentence(event: event, step: step)
    }

    /// What to change in the form to satisfy a rule the service named.
    static func fix(_ rule: PolicyRule) -> String {
        switch rule {
        case .justification: "Justification: say why you need this access."
        case .ticketing: "Ticket: fill in Ticket number and Ticket system."
        case .expiration: "Duration: ask for the policy's maximum or less."
        case .mfa:
            ErrorSentence(event: rule.requirement, step: "quit (q) and sign in again with MFA (`pim login`)").text
        case .eligibility: ErrorSentence(event: rule.requirement, step: "ask an administrator").text
        case .authenticationContext: ErrorSentence(event: rule.requirement, step: "sign in again to satisfy it").text
        case .other: rule.requirement
        }
    }

    static func step(_ step: NextStep) -> String {
        switch step {
        case .none: ""
        case .signIn(let reason): signIn(reason)
        case .signInFromTerminal(let tenant, _):
            "quit (q) and run `pim login\(tenant.map { " --tenant \($0)" } ?? "")`, then try again"
        case .useAzureCLISignIn(.notInstalled): "quit (q), install it and run `az login`, or use `pim login`"
        case .useAzureCLISignIn(.signedOut): "quit (q) and run `az login`, or use `pim login`"
        case .useAzureCLISignIn(.noToken): "quit (q) and run `az login` again, or use `pim login`"
        case .replaceAccessToken(.empty): "quit (q) and set it to a Graph access token, or run `pim login`"
        case .replaceAccessToken(.cannotStepUp): "quit (q), unset it and run `pim login`"
        case .getAzureAccess(.noToken): "quit (q) and run `az login`, or set PIM_ARM_ACCESS_TOKEN, to see them"
        case .getAzureAccess(.notConsented):
            "ask an administrator to consent to Azure Service Management for pim's client, "
                + "or quit (q) and run `az login`"
        case .getAzureAccess(.tokenRefused): "quit (q) and set PIM_ARM_ACCESS_TOKEN to a fresh token, or unset it"
        case .tryAgain: "try again"
        case .tryAgainLater(let time): time.phrase
        case .tryAgainThenInspect: "try again, and report it if it persists"
        case .checkRequests(.beforeSendingAgain):
            "refresh (r) and look in My roles and History to see whether it arrived before sending it again"
        case .checkRequests(.thenRetryIfMissing):
            "refresh (r) and look in My roles and History to see whether it arrived, then try again if it did not"
        case .checkRequests(.beforeTryingAgain): "check My roles after a refresh (r) before trying again"
        case .checkNetwork: "check your network connection and try again"
        case .checkEndpoint(let endpoint, let thenRetry):
            "quit (q) and check \(option(endpoint)) and any proxy in between" + (thenRetry ? ", then try again" : "")
        case .checkHostName(let endpoint):
            "check your network connection, or quit (q) and check the \(option(endpoint)) or --cloud setting"
        case .checkCertificates(.graph): "check the Graph URL, proxy and system certificates"
        case .checkCertificates(.login): "check the login URL, proxy and system certificates"
        case .checkCertificates(.arm): "check the Azure Resource Manager URL, proxy and system certificates"
        case .fixEndpoint(let endpoint): "quit (q) and fix \(option(endpoint)) or \(variable(endpoint))"
        case .checkSignInSettings(includingLoginURL: true):
            "quit (q), check --login-url, the tenant and the client id, then run `pim login` again"
        case .checkSignInSettings(includingLoginURL: false):
            "quit (q), check the tenant and client id, then run `pim login` again"
        case .checkRequestDetails: "check the target, duration and scope, then try again"
        case .checkInput: "check the input and try again"
        case .getPermission:
            "you may need a directory role or admin consent for pim's permissions; ask an administrator, "
                + "or quit (q) and sign in again with `pim login`"
        case .askAdministrator: "ask an administrator"
        case .refresh(.mayBeGone): "refresh (r); it may have been removed or decided"
        case .refresh(.decidedElsewhere): "refresh the approvals (r) to see its state"
        case .refresh(.notYours): "refresh the approvals (r); someone else may have to decide it"
        case .narrowListing: "try again later"
        case .satisfyRules(let rules): rules.map(fix).joined(separator: " ")
        case .seeActiveOrDeactivate: "look in My roles, or deactivate it first"
        case .seePendingOrCancel: "look in History, or cancel it first"
        case .seeWhatIsActive: "refresh (r) to see what is active now"
        case .seeWhatCanBeActivated: "My roles lists what you can activate"
        }
    }

    private static func signIn(_ reason: NextStep.SignInReason) -> String {
        switch reason {
        case .expired: "quit (q), run `pim login` and try again"
        case .restart: "quit (q) and run `pim login` again"
        case .restartAndApprove: "quit (q), run `pim login` again and approve it"
        case .restartPromptly: "quit (q), run `pim login` again and enter the new code within 15 minutes"
        case .stepUp: "quit (q), run `pim login` and satisfy the prompt, then retry"
        case .ownSignIn: "quit (q) and sign in with `pim login`, then try again"
        case .auditScopes: "quit (q) and sign in with `pim login --audit`"
        }
    }

    private static func option(_ endpoint: NextStep.Endpoint) -> String {
        switch endpoint {
        case .graph: "--graph-url"
        case .login: "--login-url"
        case .arm: "--arm-url"
        }
    }

    private static func variable(_ endpoint: NextStep.Endpoint) -> String {
        switch endpoint {
        case .graph: "PIM_GRAPH_URL"
        case .login: "PIM_LOGIN_URL"
        case .arm: "PIM_ARM_URL"
        }
    }
}
