import Foundation
import PIMDomain
import Testing

@testable import PIMGraph

/// The order in which pim looks for an Azure Resource Manager token, what it keeps for the process, and
/// the one sentence it says when none can be had.
@Suite struct ARMTokenChainTests {
    static let notConsented = FakeLogin.json(
        400,
        #"""
        {"error":"invalid_grant","suberror":"consent_required","error_codes":[65001],\#
        "error_description":"AADSTS65001: The user or administrator has not consented to use the application."}
        """#)

    @Test func theEnvironmentTokenComesFirstAndNothingElseIsAsked() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.granted("arm-from-account") }
        let az = FakeAzureCLI()
        let chain = ARMTokenChain(
            environmentToken: " env-arm-token\n", account: account.account(),
            azureCLI: az.provider(clock: account.clock))
        #expect(try await chain.accessToken(claims: nil) == "env-arm-token")
        #expect(account.login.requests.isEmpty)
        #expect(az.runs.isEmpty)
    }

    @Test func theSignedInAccountComesBeforeTheAzureCLI() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.granted("arm-from-account") }
        let az = FakeAzureCLI()
        let chain = ARMTokenChain(
            environmentToken: nil, account: account.account(), azureCLI: az.provider(clock: account.clock))
        #expect(try await chain.accessToken(claims: nil) == "arm-from-account")
        #expect(az.runs.isEmpty)
    }

    @Test func theAzureCLIIsAskedForTheARMResourceWhenTheAccountIsNotConsentedAndIsKept() async throws {
        let account = try SignedInAccountFixture { _, _ in Self.notConsented }
        let az = FakeAzureCLI(token: "az-arm-token")
        let chain = ARMTokenChain(
            environmentToken: "", account: account.account(), azureCLI: az.provider(clock: account.clock))
        #expect(try await chain.accessToken(claims: nil) == "az-arm-token")
        #expect(
            az.runs == [
                [
                    "account", "get-access-token", "--resource", "https://management.core.windows.net/", "-o", "json",
                    "--tenant", "contoso.onmicrosoft.com",
                ]
            ])
        // The way that worked is kept: the account is not asked again, even when az's token is refused.
        await chain.tokenRejected("az-arm-token")
        #expect(try await chain.accessToken(claims: nil) == "az-arm-token")
        #expect(account.login.redemptions.count == 1)
        #expect(az.runs.count == 2)
    }

    @Test func whenNoWayWorksOneSentenceSaysWhyAndNothingIsTriedAgain() async throws {
        let account = try SignedInAccountFixture { _, _ in Self.notConsented }
        let az = FakeAzureCLI(status: 1)
        let chain = ARMTokenChain(
            environmentToken: nil, account: account.account(), azureCLI: az.provider(clock: account.clock))
        for _ in 0..<2 {
            do {
                _ = try await chain.accessToken(claims: nil)
                Issue.record("expected no token")
            } catch let error as PIMError {
                #expect(
                    error.event
                        == """
                        Azure roles are not shown: the signed-in account's client is not allowed Azure Resource \
                        Manager tokens in this tenant, and the Azure CLI is not signed in.
                        """)
                #expect(error.step == .getAzureAccess(.notConsented))
                #expect(error.kind == .signInRequired)
                #expect(!error.description.contains(SignedInAccountFixture.graphRefreshToken))
            }
        }
        #expect(account.login.requests.count == 1)
        #expect(az.runs.count == 1)
    }

    @Test(arguments: [
        (Int32(127), "Azure roles are not shown: the Azure CLI (az) is not installed."),
        (Int32(1), "Azure roles are not shown: the Azure CLI is not signed in."),
    ])
    func withoutAnAccountTheAzureCLIsReasonIsTheSentence(status: Int32, sentence: String) async throws {
        let az = FakeAzureCLI(status: status)
        let chain = ARMTokenChain(environmentToken: nil, account: nil, azureCLI: az.provider(clock: TestClock()))
        do {
            _ = try await chain.accessToken(claims: nil)
            Issue.record("expected no token")
        } catch let error as PIMError {
            #expect(error.event == sentence)
            #expect(error.step == .getAzureAccess(.noToken))
        }
    }

    @Test func anExpiredSignInAndAnAbsentAzureCLIAreBothNamed() async throws {
        let account = try SignedInAccountFixture { _, _ in
            FakeLogin.json(400, #"{"error":"invalid_grant","error_codes":[700082]}"#)
        }
        let az = FakeAzureCLI(status: 127)
        let chain = ARMTokenChain(
            environmentToken: nil, account: account.account(), azureCLI: az.provider(clock: account.clock))
        await #expect {
            try await chain.accessToken(claims: nil)
        } throws: { error in
            let error = error as? PIMError
            return error?.event
                == """
                Azure roles are not shown: the signed-in account's sign-in has expired, and the Azure CLI (az) is \
                not installed.
                """ && error?.step == .getAzureAccess(.noToken)
        }
    }

    @Test func aRefusedEnvironmentTokenEndsAsTokenRefusedWithoutTryingOtherWays() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.granted("arm-from-account") }
        let az = FakeAzureCLI()
        let chain = ARMTokenChain(
            environmentToken: "env-arm-token", account: account.account(), azureCLI: az.provider(clock: account.clock))
        let token = try await chain.accessToken(claims: nil)
        await chain.tokenRejected(token)
        do {
            _ = try await chain.accessToken(claims: nil)
            Issue.record("expected the refusal")
        } catch let error as PIMError {
            #expect(error.step == .getAzureAccess(.tokenRefused))
            #expect(!error.description.contains("env-arm-token"))
        }
        #expect(account.login.requests.isEmpty)
        #expect(az.runs.isEmpty)
    }

    @Test func aRefusedTokenReachesTheWayThatGaveIt() async throws {
        let account = try SignedInAccountFixture { _, _ in FakeLogin.granted("arm-1") }
        let az = FakeAzureCLI()
        let chain = ARMTokenChain(
            environmentToken: nil, account: account.account(), azureCLI: az.provider(clock: account.clock))
        #expect(try await chain.accessToken(claims: nil) == "arm-1")
        account.login.answer { _, _ in FakeLogin.granted("arm-2") }
        await chain.tokenRejected("arm-1")
        #expect(try await chain.accessToken(claims: nil) == "arm-2")
        #expect(account.login.redemptions.count == 2)
        #expect(az.runs.isEmpty)
    }

    /// A network failure may pass: it is reported as itself (the listing is incomplete, not "no Azure
    /// roles"), and the next call tries again.
    @Test func aFailureThatMayPassIsNotSettled() async throws {
        let account = try SignedInAccountFixture { _, _ in
            .failure(TransportError(.timedOut, "timed out", requestMayHaveBeenSent: true))
        }
        let az = FakeAzureCLI(status: 1)
        let chain = ARMTokenChain(
            environmentToken: nil, account: account.account(), azureCLI: az.provider(clock: account.clock))
        do {
            _ = try await chain.accessToken(claims: nil)
            Issue.record("expected the network failure")
        } catch let error as PIMError {
            #expect(error.kind == .network)
        }
        account.login.answer { _, _ in FakeLogin.granted("arm-after-blip") }
        #expect(try await chain.accessToken(claims: nil) == "arm-after-blip")
    }

    @Test func aClaimsChallengeGoesToTheWayThatGaveTheToken() async throws {
        let claims = #"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#
        let account = try SignedInAccountFixture { endpoint, form in
            if endpoint == "devicecode" { return FakeLogin.deviceCode }
            if form["grant_type"] == "refresh_token" { return FakeLogin.granted("arm-plain") }
            return FakeLogin.granted("arm-stepped-up")
        }
        let az = FakeAzureCLI()
        let chain = ARMTokenChain(
            environmentToken: nil, account: account.account(), azureCLI: az.provider(clock: account.clock))
        _ = try await chain.accessToken(claims: nil)
        #expect(try await chain.accessToken(claims: claims) == "arm-stepped-up")
        #expect(account.login.deviceCodeStarts.count == 1)
        #expect(az.runs.isEmpty)

        // PIM_ARM_ACCESS_TOKEN cannot be stepped up: it says so instead of using another way.
        let fixed = ARMTokenChain(environmentToken: "env-arm-token", account: account.account(), azureCLI: nil)
        _ = try await fixed.accessToken(claims: nil)
        await #expect {
            try await fixed.accessToken(claims: claims)
        } throws: { ($0 as? PIMError)?.step == .replaceAccessToken(.cannotStepUp) }
        #expect(account.login.deviceCodeStarts.count == 1)
    }

    @Test func callsAtTheSameTimeShareOneLookUp() async throws {
        let account = try SignedInAccountFixture { _, _ in Self.notConsented }
        let az = FakeAzureCLI()
        let chain = ARMTokenChain(
            environmentToken: nil, account: account.account(), azureCLI: az.provider(clock: account.clock))
        async let first = chain.accessToken(claims: nil)
        async let second = chain.accessToken(claims: nil)
        async let third = chain.accessToken(claims: nil)
        #expect(try await [first, second, third] == ["az-arm-token", "az-arm-token", "az-arm-token"])
        #expect(account.login.requests.count == 1)
        #expect(az.runs.count == 1)
    }
}
