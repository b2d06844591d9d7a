import Foundation
import PIMDomain

extension NextStep {
    /// One of every step the client names (each case, and each detail that changes the words), for the
    /// tests that hold each front's wording to its own terms.
    public static let everyKind: [NextStep] = [
        .signIn(.expired), .signIn(.restart), .signIn(.restartAndApprove), .signIn(.restartPromptly),
        .signIn(.stepUp), .signIn(.ownSignIn), .signIn(.auditScopes),
        .signInFromTerminal(tenant: nil, otherwise: .accessToken),
        .signInFromTerminal(tenant: "contoso.test", otherwise: .runInTerminal),
        .useAzureCLISignIn(.notInstalled), .useAzureCLISignIn(.signedOut), .useAzureCLISignIn(.noToken),
        .replaceAccessToken(.empty), .replaceAccessToken(.cannotStepUp),
        .getAzureAccess(.noToken), .getAzureAccess(.notConsented), .getAzureAccess(.tokenRefused),
        .tryAgain, .tryAgainLater(.later), .tryAgainLater(.whenFaster), .tryAgainLater(.afterAMinute),
        .tryAgainLater(.inAFewMinutes), .tryAgainLater(.afterSeconds(180)),
        .tryAgainLater(.at(Date(timeIntervalSince1970: 1_800_000_000))),
        .tryAgainThenInspect(report: true), .tryAgainThenInspect(report: false),
        .checkRequests(.beforeSendingAgain), .checkRequests(.thenRetryIfMissing),
        .checkRequests(.beforeTryingAgain),
        .checkNetwork, .checkEndpoint(.graph, thenRetry: true), .checkEndpoint(.login, thenRetry: false),
        .checkHostName(.graph), .checkHostName(.login), .checkCertificates(.graph), .checkCertificates(.login),
        .fixEndpoint(.graph), .fixEndpoint(.login), .fixEndpoint(.arm), .checkEndpoint(.arm, thenRetry: true),
        .checkHostName(.arm), .checkCertificates(.arm),
        .checkSignInSettings(includingLoginURL: true), .checkSignInSettings(includingLoginURL: false),
        .checkRequestDetails, .checkInput, .getPermission, .askAdministrator,
        .refresh(.mayBeGone), .refresh(.decidedElsewhere), .refresh(.notYours), .narrowListing,
        .satisfyRules([.justification, .ticketing, .expiration, .mfa, .eligibility, .authenticationContext]),
        .seeActiveOrDeactivate, .seePendingOrCancel, .seeWhatIsActive, .seeWhatCanBeActivated,
    ]
}
