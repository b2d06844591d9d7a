import Foundation
import PIMDomain
import Testing

@testable import PIMGraph

/// Each documented ARM error becomes the PIMError the user can act on (contract §9).
struct ARMErrorMappingTests {
    func map(_ fixture: String, status: Int, headers: [String: String] = [:]) -> PIMError {
        ARMErrorMapper.map(HTTPResponse(status: status, headers: headers, body: Fixture.data("arm/" + fixture)))
    }

    @Test(arguments: [
        ("JustificationRule", PolicyRule.justification), ("TicketingRule", .ticketing),
        ("ExpirationRule", .expiration), ("MfaRule", .mfa), ("EligibilityRule", .eligibility),
    ])
    func policyValidationNamesTheRule(name: String, rule: PolicyRule) {
        let error = map(
            "error.RoleAssignmentRequestPolicyValidationFailed.\(name).400.composed.json", status: 400,
            headers: ["x-ms-request-id": "arm-req-1"])
        #expect(error.kind == .refused)
        #expect(error.failedRules == [rule])
        #expect(error.step == .satisfyRules([rule]))
        #expect(error.graphCode == "RoleAssignmentRequestPolicyValidationFailed")
        #expect(error.requestId == "arm-req-1")
        #expect((error.claims != nil) == (rule == .mfa))
    }

    @Test func roleAssignmentExistsIsAlreadyActive() {
        let error = map("error.RoleAssignmentExists.400.composed.json", status: 400)
        #expect(error.kind == .alreadyExists)
        #expect(error.step == .seeActiveOrDeactivate)
    }

    @Test func activeDurationTooShortIsTheFiveMinuteRule() {
        let error = map("error.ActiveDurationTooShort.400.composed.json", status: 400)
        #expect(error.kind == .refused)
        #expect(error.event == "An activation cannot be ended within 5 minutes of its start")
        #expect(error.step == .tryAgainLater(.inAFewMinutes))
    }

    @Test func authorizationFailedNamesTheActionAndScope() {
        let error = map("error.AuthorizationFailed.403.composed.json", status: 403)
        #expect(error.kind == .forbidden)
        #expect(error.step == .getPermission)
        #expect(
            error.event
                == "Azure Resource Manager refused this: your account may not "
                + "Microsoft.Authorization/roleManagementPolicyAssignments/read at "
                + "/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f")
    }

    @Test func wrongAudienceAsksForAnArmToken() {
        let error = map("error.InvalidAuthenticationTokenAudience.401.observed.json", status: 401)
        #expect(error.kind == .signInRequired)
        #expect(error.step == .getAzureAccess(.tokenRefused))
    }

    @Test func authenticationContextCarriesTheDecodedClaims() {
        let error = map("error.RoleAssignmentRequestAcrsValidationFailed.400.observed.json", status: 400)
        #expect(error.kind == .signInRequired)
        #expect(error.step == .signIn(.stepUp))
        #expect(error.failedRules == [.authenticationContext])
        #expect(error.claims == #"{"access_token":{"acrs":{"essential":true, "value":"c1"}}}"#)
    }

    @Test func insufficientClaimsChallengeIsAStepUp() {
        let claims = Data(#"{"access_token":{"acrs":{"essential":true,"value":"c2"}}}"#.utf8).base64EncodedString()
        let error = ARMErrorMapper.map(
            HTTPResponse(
                status: 401,
                headers: ["WWW-Authenticate": #"Bearer error="insufficient_claims", claims="\#(claims)""#]))
        #expect(error.step == .signIn(.stepUp))
        #expect(error.claims == #"{"access_token":{"acrs":{"essential":true,"value":"c2"}}}"#)
    }

    @Test func throttlingAndServerErrorsNameArm() {
        let throttled = ARMErrorMapper.map(HTTPResponse(status: 429))
        #expect(throttled.event == "Azure Resource Manager kept throttling the requests")
        #expect(throttled.step == .tryAgainLater(.afterAMinute))
        let plain401 = ARMErrorMapper.map(HTTPResponse(status: 401))
        #expect(plain401.step == .getAzureAccess(.tokenRefused))
        let redirect = ARMErrorMapper.map(HTTPResponse(status: 302, headers: ["Location": "https://evil.test/x"]))
        #expect(redirect.step == .checkEndpoint(.arm, thenRetry: false))
        #expect(redirect.event.contains("evil.test"))
    }

    @Test func serviceTextIsSanitised() {
        let body = #"{"error":{"code":"Odd","message":"bad \u001b[31mred"}}"#
        let error = ARMErrorMapper.map(HTTPResponse(status: 400, body: Data(body.utf8)))
        #expect(!error.event.contains("\u{1b}"))
    }
}
