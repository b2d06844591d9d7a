import Foundation
import PIMDomain
import PIMGraph
import Testing

/// Tokens refused by Graph: an expired or revoked token is renewed once and the call repeated; a
/// claims challenge leads to one sign-in with those claims and one retry; nothing loops.
@Suite(.serialized)
struct SignInFaultTests {
    static let meJSON = ThrottlingFaultTests.meJSON
    static let claims = #"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#
    static var challenge: String {
        #"""
        Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", \#
        error="insufficient_claims", claims="\#(Data(claims.utf8).base64EncodedString())"
        """#
    }
    static let challengeBody =
        #"""
        {"error":{"code":"InvalidAuthenticationToken","message":"Continuous access evaluation resulted in \#
        challenge."}}
        """#

    @Test func anExpiredTokenIsRefreshedOnceAndTheCallSucceeds() async throws {
        let h = try Harness(tokens: CountingTokens(first: "stale-token", renewed: "fresh-token"))
        defer { h.stop() }
        h.graph.acceptTokens(["fresh-token"])
        #expect(try await h.service.currentUser().id == FaultGraph.me)
        #expect(h.tokens.rejected == ["stale-token"])
        #expect(h.tokens.plainCalls == 2)
        #expect(
            h.graph.received("GET", "/v1.0/me").map { $0.header("Authorization") } == [
                "Bearer stale-token", "Bearer fresh-token",
            ])
        // Later calls keep the renewed token without another refresh.
        _ = try await h.service.currentUser()
        #expect(h.tokens.rejected.count == 1)
    }

    @Test func aTokenRefusedAgainAfterTheRefreshAsksToSignIn() async throws {
        let h = try Harness(tokens: CountingTokens(first: "stale-token", renewed: "also-refused"))
        defer { h.stop() }
        h.graph.acceptTokens([])
        let error = await pimError { try await h.service.currentUser() }
        #expect(error?.kind == .signInRequired)
        #expect(error?.step == .signIn(.expired))
        #expect(h.tokens.rejected == ["stale-token"])
        #expect(h.graph.received("GET", "/v1.0/me").count == 2)
    }

    @Test func aTokenThatCannotBeRenewedIsNotSentTwice() async throws {
        let h = try Harness(tokens: CountingTokens(first: "stale-token", renewed: "stale-token"))
        defer { h.stop() }
        h.graph.acceptTokens([])
        let error = await pimError { try await h.service.currentUser() }
        #expect(error?.kind == .signInRequired)
        #expect(h.graph.received("GET", "/v1.0/me").count == 1)
    }

    /// A 401 means the service did not act on the activation: renewing and sending it again is safe,
    /// and the tenant holds one request.
    @Test func anActivationRefusedForAnExpiredTokenIsSentAgainWithTheRenewedOne() async throws {
        let h = try Harness(tokens: CountingTokens(first: "good-token", renewed: "fresh-token"))
        defer { h.stop() }
        _ = try await h.service.currentUser()
        h.graph.acceptTokens(["fresh-token"])
        let result = try await h.service.activate(Harness.activation)
        #expect(result.request.id == "req-1")
        #expect(h.graph.received("POST", FaultGraph.activationPath).count == 2)
        #expect(h.graph.createdCount == 1)
        #expect(h.tokens.rejected == ["good-token"])
    }

    @Test func aClaimsChallengeLeadsToOneSignInAndOneRetry() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on(
            "POST", FaultGraph.activationPath,
            .answer(401, Self.challengeBody, headers: ["WWW-Authenticate": Self.challenge]),
            .fault(.respond(HTTPResponse(status: 201)), commits: true))
        let result = try await h.service.activate(Harness.activation)
        #expect(h.tokens.claimsAsked == [Self.claims])
        #expect(h.tokens.rejected.isEmpty)  // a challenge is not an expired token
        let posts = h.graph.received("POST", FaultGraph.activationPath)
        #expect(posts.map { $0.header("Authorization") } == ["Bearer good-token", "Bearer stepped-up-token"])
        #expect(h.graph.createdCount == 1)
        #expect(result.notices.contains { $0.contains("Signed in again to satisfy the authentication context c1") })
    }

    @Test func aSecondClaimsChallengeStopsWithAClearMessage() async throws {
        let h = try Harness()
        defer { h.stop() }
        h.graph.on(
            "POST", FaultGraph.activationPath,
            .answer(401, Self.challengeBody, headers: ["WWW-Authenticate": Self.challenge]))
        let error = await pimError { try await h.service.activate(Harness.activation) }
        #expect(error?.kind == .signInRequired)
        #expect(error?.step == .signIn(.stepUp))
        #expect(h.tokens.claimsAsked.count == 1)
        #expect(h.graph.received("POST", FaultGraph.activationPath).count == 2)
        #expect(h.graph.createdCount == 0)
    }
}
