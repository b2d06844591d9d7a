import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// Each documented Graph error becomes the PIMError the user can act on.
struct ErrorMappingTests {
    func map(_ fixture: String, status: Int, headers: [String: String] = [:]) -> PIMError {
        GraphErrorMapper.map(HTTPResponse(status: status, headers: headers, body: Fixture.data(fixture)))
    }

    @Test(arguments: [
        ("JustificationRule", PolicyRule.justification),
        ("TicketingRule", .ticketing),
        ("ExpirationRule", .expiration),
        ("MfaRule", .mfa),
        ("EligibilityRule", .eligibility),
    ])
    func policyValidationNamesTheRule(name: String, rule: PolicyRule) {
        let error = map("error.PolicyValidationFailed.\(name).400.composed.json", status: 400)
        #expect(error.kind == .refused)
        #expect(error.failedRules == [rule])
        #expect(error.event.isEmpty)
        #expect(error.step == .satisfyRules([rule]))
        #expect(error.graphCode == "RoleAssignmentRequestPolicyValidationFailed")
        #expect(error.requestId == "00000000-0000-0000-0000-000000000001")
        #expect(error.httpStatus == 400)
        #expect((error.claims != nil) == (rule == .mfa))
    }

    @Test func severalRulesAreAllListed() {
        let body =
            #"""
            {"error":{"code":"RoleAssignmentRequestPolicyValidationFailed",\#
            "message":"The following policy rules failed: [\"EligibilityRule\",\"ExpirationRule\"]"}}
            """#
        let error = GraphErrorMapper.map(HTTPResponse(status: 400, body: Data(body.utf8)))
        #expect(error.failedRules == [.eligibility, .expiration])
        #expect(error.step == .satisfyRules([.eligibility, .expiration]))
    }

    @Test func mfaRuleAsksForMfaClaims() {
        #expect(
            map("error.PolicyValidationFailed.MfaRule.400.composed.json", status: 400).claims
                == #"{"access_token":{"amr":{"values":["mfa"]}}}"#)
    }

    @Test func authenticationContextCarriesDecodedClaims() {
        let error = map("error.RoleAssignmentRequestAcrsValidationFailed.400.composed.json", status: 400)
        #expect(error.kind == .signInRequired)
        #expect(error.claims == #"{"access_token":{"acrs":{"essential":true, "value":"c1"}}}"#)
        #expect(error.failedRules == [.authenticationContext])
        #expect(error.step == .signIn(.stepUp))
    }

    @Test func existingAssignmentIsAlreadyExists() {
        let error = map("error.RoleAssignmentExists.400.composed.json", status: 400)
        #expect(error.kind == .alreadyExists)
        #expect(error.graphCode == "RoleAssignmentExists")
    }

    @Test func tooShortToDeactivate() {
        let error = map("error.ActiveDurationTooShort.400.composed.json", status: 400)
        #expect(error.kind == .refused)
        #expect(error.description.contains("5 minutes"))
    }

    @Test func nothingToDeactivateIsNotFound() {
        #expect(map("error.RoleAssignmentDoesNotExist.400.composed.json", status: 400).kind == .notFound)
    }

    @Test func missingScopeNamesPimLogin() {
        let error = map("error.PermissionScopeNotGranted.403.observed.json", status: 403)
        #expect(error.kind == .forbidden)
        #expect(error.graphCode == "PermissionScopeNotGranted")
        #expect(error.event.contains("RoleAssignmentSchedule.ReadWrite.Directory,RoleManagement.ReadWrite.Directory"))
        #expect(error.step == .signIn(.ownSignIn))
        #expect(error.requestId == "0f5bca39-214e-43c4-8f69-f17db718101c")
    }

    /// Only an approval decision turns a 409 into "already decided" (`ApprovalTests`); elsewhere it is an odd answer.
    @Test func conflictIsAlreadyDecidedOnlyForADecision() {
        let error = GraphErrorMapper.map(HTTPResponse(status: 409, headers: ["request-id": "r-409"]))
        #expect(error.kind == .service)
        #expect(!error.description.contains("decided"))
        #expect(error.requestId == "r-409")
        let decided = GraphErrorMapper.decided(error)
        #expect(decided.kind == .alreadyDecided)
        #expect(decided.event.contains("already decided by someone else"))
        #expect(decided.step == .refresh(.decidedElsewhere))
        #expect(decided.requestId == "r-409")
    }

    @Test func unauthorizedNeedsSignIn() {
        let error = GraphErrorMapper.map(
            HTTPResponse(
                status: 401,
                body: Data(
                    #"{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired."}}"#.utf8)))
        #expect(error.kind == .signInRequired)
        #expect(error.claims == nil)
        #expect(error.step == .signIn(.expired))
    }

    @Test func insufficientClaimsChallengeIsDecoded() {
        let claims = #"{"access_token":{"acrs":{"essential":true,"value":"c25"}}}"#
        let header =
            #"""
            Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", \#
            error="insufficient_claims", claims="\#(Data(claims.utf8).base64EncodedString())"
            """#
        let error = GraphErrorMapper.map(HTTPResponse(status: 401, headers: ["WWW-Authenticate": header]))
        #expect(error.kind == .signInRequired)
        #expect(error.claims == claims)
    }

    @Test func throttlingAndServerErrorsAreServiceFailures() {
        let throttled = map("error.TooManyRequests.429.json", status: 429)
        #expect(throttled.kind == .service)
        #expect(throttled.requestId == "94fb3b52-452a-4535-a601-69e0a90e3aa2")
        #expect(GraphErrorMapper.map(HTTPResponse(status: 503)).kind == .service)
    }

    @Test func serviceTextIsSanitisedBeforeItIsQuoted() {
        let body = #"{"error":{"code":"Odd","message":"bad \u001b[31mred"}}"#
        let error = GraphErrorMapper.map(HTTPResponse(status: 400, body: Data(body.utf8)))
        #expect(!error.description.contains("\u{1B}"))
        #expect(error.description.contains("␛[31mred"))
    }

    @Test func transportFailuresAreNetworkErrors() {
        #expect(PIMError.network(TransportError(.timedOut, "timed out", requestMayHaveBeenSent: true)).kind == .network)
        let refused = PIMError.network(TransportError(.cannotConnect, "refused", requestMayHaveBeenSent: false))
        #expect(refused.step == .checkNetwork)
    }

    @Test func everyMessageIsASentenceWithANextStep() {
        let fixtures = [
            "error.PolicyValidationFailed.JustificationRule.400.composed.json",
            "error.RoleAssignmentExists.400.composed.json",
            "error.ActiveDurationTooShort.400.composed.json", "error.RoleAssignmentDoesNotExist.400.composed.json",
            "error.PermissionScopeNotGranted.403.observed.json", "error.TooManyRequests.429.json",
            "error.generic.example.json",
        ]
        for (index, fixture) in fixtures.enumerated() {
            let status = [400, 400, 400, 400, 403, 429, 416][index]
            let error = map(fixture, status: status)
            #expect(error.step != .none, "\(error)")
            #expect(error.description.hasSuffix("."), "\(error)")
        }
    }
}
