import Foundation
import PIMDomain
import Testing

@testable import PIMGraph

/// The Azure CLI and `PIM_ARM_ACCESS_TOKEN` as sources of an Azure Resource Manager token, and the token
/// cache that Graph's and ARM's renewals share.
@Suite struct ARMTokenSourcesTests {
    @Test(arguments: [
        (String?.none, [String]()),
        ("organizations", []),
        ("Common", []),
        ("contoso.onmicrosoft.com", ["--tenant", "contoso.onmicrosoft.com"]),
    ])
    func theAzureCLIIsAskedForTheCloudsARMResource(tenant: String?, tenantArguments: [String]) async throws {
        let az = FakeAzureCLI(token: "az-arm-token-\(UUID().uuidString)")
        let provider = AzureCLITokenProvider(
            tenant: tenant, resource: GraphCloud.usGov.armResource, clock: TestClock(), runner: az.runner)
        let token = try await provider.accessToken(claims: nil)
        #expect(
            az.runs == [
                [
                    "account", "get-access-token", "--resource", "https://management.core.usgovcloudapi.net/", "-o",
                    "json",
                ] + tenantArguments
            ])
        // What az printed is never printed back.
        #expect(SecretMask.mask("token \(token)") == "token \(SecretMask.placeholder)")
    }

    @Test(arguments: [Int32(127), 1, 2])
    func everyAzureCLIFailureLeavesAzureRolesWithoutAToken(status: Int32) async throws {
        let provider = FakeAzureCLI(status: status).provider(clock: TestClock())
        await #expect {
            try await provider.accessToken(claims: nil)
        } throws: { ($0 as? PIMError)?.step == .getAzureAccess(.noToken) }
    }

    @Test func anAzureCLIThatCannotRunOrPrintsNoTokenLeavesAzureRolesWithoutAToken() async throws {
        struct NoProcess: Error {}
        let unrunnable = AzureCLITokenProvider(resource: GraphCloud.global.armResource) { _ in throw NoProcess() }
        let silent = AzureCLITokenProvider(resource: GraphCloud.global.armResource) { _ in (0, Data("{}".utf8)) }
        for provider in [unrunnable, silent] {
            await #expect {
                try await provider.accessToken(claims: nil)
            } throws: { ($0 as? PIMError)?.step == .getAzureAccess(.noToken) }
        }
    }

    @Test func anAzureCLITokenCannotBeSteppedUp() async throws {
        let az = FakeAzureCLI()
        await #expect {
            try await az.provider(clock: TestClock()).accessToken(claims: #"{"access_token":{}}"#)
        } throws: { ($0 as? PIMError)?.step == .signIn(.ownSignIn) }
        #expect(az.runs.isEmpty)
    }

    @Test func theGraphTokenFromTheAzureCLIIsAskedAsBefore() async throws {
        let az = FakeAzureCLI()
        let provider = AzureCLITokenProvider(tenant: "contoso", runner: az.runner)
        _ = try await provider.accessToken(claims: nil)
        #expect(
            az.runs == [
                ["account", "get-access-token", "--resource-type", "ms-graph", "-o", "json", "--tenant", "contoso"]
            ])
        let missing = AzureCLITokenProvider { _ in (127, Data()) }
        await #expect {
            try await missing.accessToken(claims: nil)
        } throws: { ($0 as? PIMError)?.step == .useAzureCLISignIn(.notInstalled) }
    }

    @Test func theEnvironmentTokenIsUsedAsIsUntilARMRefusesIt() async throws {
        let provider = ARMStaticTokenProvider(token: " env-arm-token-1234\n")
        #expect(try await provider.accessToken(claims: nil) == "env-arm-token-1234")
        #expect(SecretMask.mask("env-arm-token-1234") == SecretMask.placeholder)
        await provider.tokenRejected("env-arm-token-1234")
        await #expect {
            try await provider.accessToken(claims: nil)
        } throws: { ($0 as? PIMError)?.step == .getAzureAccess(.tokenRefused) }
        await #expect {
            try await ARMStaticTokenProvider(token: "x-long-enough").accessToken(claims: "{}")
        } throws: { ($0 as? PIMError)?.step == .replaceAccessToken(.cannotStepUp) }
    }

    /// Graph's and ARM's tokens are renewed at the same moment at a start: neither write may lose the other.
    @Test func tokensStoredAtTheSameTimeAreAllKept() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pim-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = TokenCache(directory: directory)
        let keys = (0..<24).map { "key-\($0)" }
        await withTaskGroup(of: Void.self) { group in
            for key in keys {
                group.addTask {
                    try? cache.store(.init(accessToken: "a-\(key)", refreshToken: nil, expiresAt: Date()), key: key)
                }
            }
        }
        for key in keys { #expect(try cache.load(key: key)?.accessToken == "a-\(key)") }
    }
}
