import Foundation
import PIMDomain
import Testing

@testable import PIMGraph

/// The signed-in account's refresh token redeemed for Azure Resource Manager (ARM contract §11.2): what is
/// sent where, how the ARM token is cached and renewed, what each refusal means, and the step-up.
@Suite struct ARMTokenAccountTests {
    static let armScope = "https://management.core.windows.net//.default offline_access"

    @Test func theSignedInAccountsRefreshTokenIsRedeemedForTheARMScopeAtItsLoginHost() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.granted("arm-access-1", refresh: "arm-refresh-1") }
        let token = try await account.account().accessToken(claims: nil)
        #expect(token == "arm-access-1")
        let sent = try #require(account.login.requests.first)
        #expect(account.login.requests.count == 1)
        #expect(sent.url.absoluteString == "https://login.example.test/contoso.onmicrosoft.com/oauth2/v2.0/token")
        #expect(
            sent.form == [
                "grant_type": "refresh_token", "client_id": DeviceCodeSignIn.defaultClientId,
                "refresh_token": SignedInAccountFixture.graphRefreshToken, "scope": Self.armScope,
            ])
        #expect(account.prompts.all.isEmpty)
    }

    @Test func theARMTokenIsCachedPrivatelyUnderItsOwnKeyAndNeverHandedToGraph() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.granted("arm-access-1", refresh: "arm-refresh-1") }
        _ = try await account.account().accessToken(claims: nil)
        #expect(try account.mode(account.directory.path) == 0o700)
        #expect(try account.mode(account.directory.appendingPathComponent("tokens.json").path) == 0o600)
        #expect(try account.cache.load(key: account.armKey)?.accessToken == "arm-access-1")
        #expect(try account.cache.load(key: account.graphKey)?.accessToken == "graph-access-token")
        // Graph's sign-in in a later process still hands out Graph's token, not ARM's.
        #expect(try await account.signIn().accessToken(claims: nil) == "graph-access-token")
        // A later process reuses the cached ARM token without asking the identity platform.
        #expect(try await account.account().accessToken(claims: nil) == "arm-access-1")
        #expect(account.login.requests.count == 1)
    }

    @Test func loggingOutForgetsTheARMTokenWithTheSignIn() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.granted("arm-access-1", refresh: "arm-refresh-1") }
        _ = try await account.account().accessToken(claims: nil)
        #expect(try account.cache.clear())
        await #expect(throws: PIMError.self) { try await account.account().accessToken(claims: nil) }
        #expect(account.login.requests.count == 1)
    }

    @Test func anExpiredARMTokenIsRenewedWithTheRefreshTokenItCameWith() async throws {
        let account = try SignedInAccountFixture { _, form in
            form["refresh_token"] == "arm-refresh-1"
                ? FakeLogin.granted("arm-access-2", refresh: "arm-refresh-2")
                : FakeLogin.granted("arm-access-1", refresh: "arm-refresh-1")
        }
        let provider = account.account()
        #expect(try await provider.accessToken(claims: nil) == "arm-access-1")
        account.clock.advance(3600)
        #expect(try await provider.accessToken(claims: nil) == "arm-access-2")
        #expect(
            account.login.redemptions.map { $0["refresh_token"] } == [
                SignedInAccountFixture.graphRefreshToken, "arm-refresh-1",
            ])
        #expect(try account.cache.load(key: account.armKey)?.refreshToken == "arm-refresh-2")
    }

    /// A refresh token of ARM's own that no longer works (revoked by a new `pim login`) gives way to the
    /// sign-in's newer one.
    @Test func aRevokedARMRefreshTokenGivesWayToTheSignInsOwn() async throws {
        let account = try SignedInAccountFixture { _, form in
            form["refresh_token"] == "old-arm-refresh"
                ? FakeLogin.json(400, #"{"error":"invalid_grant","error_codes":[70008]}"#)
                : FakeLogin.granted("arm-access-new")
        }
        try account.cache.store(
            .init(accessToken: "old", refreshToken: "old-arm-refresh", expiresAt: account.clock.now()),
            key: account.armKey)
        #expect(try await account.account().accessToken(claims: nil) == "arm-access-new")
        #expect(
            account.login.redemptions.map { $0["refresh_token"] } == [
                "old-arm-refresh", SignedInAccountFixture.graphRefreshToken,
            ])
        // The new answer had no refresh token: the one that was redeemed is kept for next time.
        #expect(try account.cache.load(key: account.armKey)?.refreshToken == SignedInAccountFixture.graphRefreshToken)
    }

    /// Each documented refusal of the redemption (ARM contract §11.2) and what the user is told to do.
    @Test(arguments: [
        (
            400,
            #"""
            {"error":"invalid_grant","suberror":"consent_required","error_codes":[65001],\#
            "error_description":"AADSTS65001: The user or administrator has not consented to use the \#
            application.\r\nTrace ID: t"}
            """#,
            NextStep.getAzureAccess(.notConsented)
        ),
        (
            400,
            #"""
            {"error":"invalid_grant","error_description":"AADSTS65002: Consent between first party application \#
            and first party resource must be configured via preauthorization"}
            """#,
            NextStep.getAzureAccess(.notConsented)
        ),
        (
            400,
            #"{"error":"invalid_client","error_codes":[650057],"error_description":"AADSTS650057: Invalid resource."}"#,
            NextStep.getAzureAccess(.notConsented)
        ),
        (
            400,
            #"{"error":"invalid_grant","error_codes":[70008],"error_description":"AADSTS70008: Expired."}"#,
            NextStep.signIn(.expired)
        ),
        (
            400,
            #"{"error":"invalid_grant","error_codes":[700082],"error_description":"AADSTS700082: Inactive."}"#,
            NextStep.signIn(.expired)
        ),
        (
            400,
            #"{"error":"invalid_scope","error_codes":[70011],"error_description":"AADSTS70011: Invalid scope."}"#,
            NextStep.getAzureAccess(.noToken)
        ),
        (503, "", NextStep.tryAgainLater(.later)),
    ])
    func aRefusalNamesItsNextStep(status: Int, body: String, step: NextStep) async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.json(status, body) }
        do {
            _ = try await account.account().accessToken(claims: nil)
            Issue.record("expected a refusal")
        } catch let error as PIMError {
            #expect(error.step == step, "\(error.description)")
            #expect(!error.description.contains(SignedInAccountFixture.graphRefreshToken))
            #expect(!error.description.contains("Trace ID"))
        }
        #expect(account.login.deviceCodeStarts.isEmpty)
    }

    @Test func interactionRequiredIsOneDeviceCodeSignInForTheARMScopeWithTheClaimsAskedFor() async throws {
        let claims = #"{"access_token":{"capolids":{"essential":true,"values":["p1"]}}}"#
        let refusal = String(
            decoding: try JSONSerialization.data(
                withJSONObject: ["error": "interaction_required", "error_codes": [50076], "claims": claims]),
            as: UTF8.self)
        let account = try SignedInAccountFixture { endpoint, form in
            if endpoint == "devicecode" { return FakeLogin.deviceCode }
            if form["grant_type"] == "refresh_token" { return FakeLogin.json(400, refusal) }
            return FakeLogin.granted("arm-after-mfa", refresh: "arm-refresh-mfa")
        }
        #expect(try await account.account().accessToken(claims: nil) == "arm-after-mfa")
        #expect(account.login.deviceCodeStarts.count == 1)
        #expect(account.login.deviceCodeStarts.first?["scope"] == Self.armScope)
        #expect(account.login.deviceCodeStarts.first?["claims"] == claims)
        #expect(account.prompts.all.map(\.userCode) == ["ARMCODE1"])
        #expect(try account.cache.load(key: account.armKey)?.accessToken == "arm-after-mfa")
    }

    @Test func interactionRequiredWithoutATerminalSaysSoInsteadOfShowingACode() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.json(400, #"{"error":"interaction_required"}"#) }
        do {
            _ = try await account.account(interactive: false).accessToken(claims: nil)
            Issue.record("expected a refusal")
        } catch let error as PIMError {
            #expect(error.step == .signInFromTerminal(tenant: nil, otherwise: .runInTerminal))
        }
        #expect(account.login.deviceCodeStarts.isEmpty)
    }

    /// ARM's claims challenge is answered by one sign-in, however many requests met it at once; the
    /// stronger token then serves the requests after it.
    @Test func aClaimsChallengeIsOneSignInEvenWhenAskedTwiceAtOnce() async throws {
        let claims = #"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#
        let account = try SignedInAccountFixture { endpoint, form in
            if endpoint == "devicecode" { return FakeLogin.deviceCode }
            if form["grant_type"] == "refresh_token" { return FakeLogin.granted("arm-plain", refresh: "r") }
            return FakeLogin.granted("arm-stepped-up", refresh: "arm-refresh-stepped-up")
        }
        let provider = account.account()
        #expect(try await provider.accessToken(claims: nil) == "arm-plain")
        async let first = provider.accessToken(claims: claims)
        async let second = provider.accessToken(claims: claims)
        #expect(try await [first, second] == ["arm-stepped-up", "arm-stepped-up"])
        #expect(account.login.deviceCodeStarts.count == 1)
        #expect(account.login.deviceCodeStarts.first?["claims"] == claims)
        #expect(account.login.deviceCodeStarts.first?["scope"] == Self.armScope)
        let before = account.login.requests.count
        #expect(try await provider.accessToken(claims: nil) == "arm-stepped-up")
        #expect(account.login.requests.count == before)
    }

    @Test func aStepUpWithoutATerminalSaysSo() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.deviceCode }
        do {
            _ = try await account.account(interactive: false).accessToken(claims: #"{"access_token":{}}"#)
            Issue.record("expected a refusal")
        } catch let error as PIMError {
            #expect(error.step == .signInFromTerminal(tenant: nil, otherwise: .runInTerminal))
        }
        #expect(account.login.requests.isEmpty)
    }

    @Test func aRejectedARMTokenIsRenewedBeforeItIsUsedAgain() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.granted("arm-access-1") }
        let provider = account.account()
        _ = try await provider.accessToken(claims: nil)
        account.login.answer { _, _ in FakeLogin.granted("arm-access-2") }
        await provider.tokenRejected("someone else's token")
        #expect(try await provider.accessToken(claims: nil) == "arm-access-1")
        await provider.tokenRejected("arm-access-1")
        #expect(try await provider.accessToken(claims: nil) == "arm-access-2")
        #expect(account.login.redemptions.count == 2)
    }

    @Test func withoutASignedInAccountNothingIsSent() async throws {
        let account = try SignedInAccountFixture(signedIn: false) { _, _ in FakeLogin.granted("never") }
        await #expect(throws: PIMError.self) { try await account.account().accessToken(claims: nil) }
        #expect(account.login.requests.isEmpty)
    }

    @Test func anUnreachableSignInHostIsAFailureThatMayPass() async throws {
        let account = try SignedInAccountFixture { _, _ in
            .failure(TransportError(.dnsFailure, "Could not resolve host", requestMayHaveBeenSent: false))
        }
        do {
            _ = try await account.account().armToken(claims: nil)
            Issue.record("expected a failure")
        } catch {
            #expect(error.transient)
            #expect(error.error.kind == .network)
            #expect(error.error.step == .checkHostName(.login))
        }
    }
}
