import Foundation

/// What the user can do about a failure, as an intent. The client and the service name no command,
/// option or key: the command line and the full-screen interface each word a step in their own terms
/// (a command to run on one, "quit (q)" first on the other).
public enum NextStep: Hashable, Sendable {
    /// The sentence says all there is to say (or the step is already inside it).
    case none
    /// Sign in again interactively, for the reason given.
    case signIn(SignInReason)
    /// Sign-in needs a terminal this run does not have.
    case signInFromTerminal(tenant: String?, otherwise: TerminalAlternative)
    /// The Azure CLI's token is in use and failed: the Azure CLI's own sign-in, or the client's.
    case useAzureCLISignIn(AzureCLIProblem)
    /// The static access token in the environment cannot do it.
    case replaceAccessToken(AccessTokenProblem)
    /// Azure roles need an Azure Resource Manager token that none of the ways pim knows could give.
    case getAzureAccess(AzureAccessProblem)
    /// Send the same again now.
    case tryAgain
    /// Send the same again, but not at once.
    case tryAgainLater(RetryTime)
    /// Try again; if it keeps failing, look at the HTTP exchange (and report it when `report`).
    case tryAgainThenInspect(report: Bool)
    /// A write may or may not have arrived: look among the requests before sending it again.
    case checkRequests(CheckRequests)
    /// The check of the network connection (and nothing else).
    case checkNetwork
    /// An endpoint answered as no Graph or identity platform would: check its setting and any proxy.
    case checkEndpoint(Endpoint, thenRetry: Bool)
    /// A host name could not be resolved: the network, or the endpoint or cloud setting.
    case checkHostName(Endpoint)
    /// TLS failed: the endpoint, a proxy or the system's certificates.
    case checkCertificates(Endpoint)
    /// An endpoint setting is not a valid URL.
    case fixEndpoint(Endpoint)
    /// The identity platform refused the sign-in: the tenant and client id (and the login URL).
    case checkSignInSettings(includingLoginURL: Bool)
    /// The service found the request invalid: target, duration and scope.
    case checkRequestDetails
    /// The service refused the input.
    case checkInput
    /// A directory role or admin consent is missing: an administrator, or another sign-in.
    case getPermission
    /// Only an administrator can change this.
    case askAdministrator
    /// Look again at what is current.
    case refresh(RefreshReason)
    /// The listing was too long to read: ask for less.
    case narrowListing
    /// The policy rules the service named, each with what satisfies it.
    case satisfyRules([PolicyRule])
    /// The target is already active (or an identical request exists).
    case seeActiveOrDeactivate
    /// A request for the target already waits.
    case seePendingOrCancel
    /// Nothing is active to deactivate.
    case seeWhatIsActive
    /// The target is not one the user may activate.
    case seeWhatCanBeActivated

    public enum SignInReason: Hashable, Sendable {
        /// The sign-in is missing, expired or refused.
        case expired
        /// A sign-in that failed midway: start it over.
        case restart
        /// Start over and approve it in the browser.
        case restartAndApprove
        /// Start over and enter the new code in time.
        case restartPromptly
        /// The service asks for more (MFA, an authentication context): sign in and satisfy the prompt.
        case stepUp
        /// The token in use (the Azure CLI's) lacks what the client's own sign-in has.
        case ownSignIn
        /// The tenant audit log needs the audit scopes, or the user's own history instead.
        case auditScopes
    }

    public enum TerminalAlternative: Hashable, Sendable {
        /// Or give an access token in the environment.
        case accessToken
        /// Or run the same command in a terminal.
        case runInTerminal
    }

    public enum AzureCLIProblem: Hashable, Sendable {
        /// The Azure CLI is missing or could not be run.
        case notInstalled
        /// It has no usable sign-in.
        case signedOut
        /// It printed no token.
        case noToken
    }

    public enum AccessTokenProblem: Hashable, Sendable {
        /// It is empty.
        case empty
        /// It cannot satisfy a step-up.
        case cannotStepUp
    }

    public enum AzureAccessProblem: Hashable, Sendable {
        /// Neither the signed-in account nor the Azure CLI gave a token for Azure Resource Manager.
        case noToken
        /// The sign-in's client is not allowed Azure Resource Manager tokens (no consent in the tenant).
        case notConsented
        /// The token in PIM_ARM_ACCESS_TOKEN was refused (expired, or for another audience).
        case tokenRefused
    }

    public enum RetryTime: Hashable, Sendable {
        /// Some time; nothing better is known.
        case later
        /// When the service answers faster.
        case whenFaster
        /// A throttled service: about a minute.
        case afterAMinute
        /// A failing service: a few minutes.
        case inAFewMinutes
        /// After this many seconds.
        case afterSeconds(Double)
        /// From this time on.
        case at(Date)
    }

    public enum CheckRequests: Hashable, Sendable {
        /// Look whether it arrived before sending it again.
        case beforeSendingAgain
        /// Look whether it arrived, and try again if it did not.
        case thenRetryIfMissing
        /// A change may or may not have been applied: requests and roles show which.
        case beforeTryingAgain
    }

    public enum Endpoint: Hashable, Sendable {
        /// Graph's base URL.
        case graph
        /// The identity platform's (sign-in) URL.
        case login
        /// Azure Resource Manager's base URL.
        case arm
    }

    public enum RefreshReason: Hashable, Sendable {
        /// The object may have been removed or decided.
        case mayBeGone
        /// Another approver decided: see its state.
        case decidedElsewhere
        /// No stage is the user's: someone else may have to decide.
        case notYours
    }

    /// The intent in plain words, with no front's syntax: for logs and `description`.
    public var summary: String {
        switch self {
        case .none: ""
        case .signIn(.auditScopes): "sign in with the audit scopes, or list only your own history"
        case .signIn(.stepUp): "sign in again and satisfy the prompt"
        case .signIn: "sign in again"
        case .signInFromTerminal: "sign in from a terminal"
        case .useAzureCLISignIn: "sign in with the Azure CLI again, or with the client's own sign-in"
        case .replaceAccessToken: "replace the access token, or sign in"
        case .getAzureAccess: "get an Azure Resource Manager token (Azure CLI sign-in or PIM_ARM_ACCESS_TOKEN)"
        case .tryAgain: "try again"
        case .tryAgainLater(let time): time.phrase
        case .tryAgainThenInspect: "try again, and look at the exchange if it persists"
        case .checkRequests: "check whether the request arrived"
        case .checkNetwork: "check your network connection and try again"
        case .checkEndpoint(.graph, _), .checkHostName(.graph), .checkCertificates(.graph), .fixEndpoint(.graph):
            "check the Graph URL setting"
        case .checkEndpoint(.arm, _), .checkHostName(.arm), .checkCertificates(.arm), .fixEndpoint(.arm):
            "check the Azure Resource Manager URL setting"
        case .checkEndpoint, .checkHostName, .checkCertificates, .fixEndpoint: "check the login URL setting"
        case .checkSignInSettings: "check the tenant and client id"
        case .checkRequestDetails: "check the target, duration and scope"
        case .checkInput: "check the input"
        case .getPermission, .askAdministrator: "ask an administrator"
        case .refresh: "refresh"
        case .narrowListing: "narrow the listing"
        case .satisfyRules(let rules): "satisfy the policy rules " + rules.map(\.serviceName).joined(separator: ", ")
        case .seeActiveOrDeactivate, .seeWhatIsActive: "look at what is active"
        case .seePendingOrCancel: "look at the pending request"
        case .seeWhatCanBeActivated: "look at what you can activate"
        }
    }
}

extension NextStep.RetryTime {
    /// When to try again, in words both fronts use: waiting needs no command or key.
    public var phrase: String {
        switch self {
        case .later: "try again later"
        case .whenFaster: "try again later, when Graph answers faster"
        case .afterAMinute: "wait a minute and try again"
        case .inAFewMinutes: "try again in a few minutes"
        case .afterSeconds(let seconds): "try again in \(Countdown.elapsed(seconds))"
        case .at(let date): "try again after \(date.formatted(Date.ISO8601FormatStyle()))"
        }
    }
}
