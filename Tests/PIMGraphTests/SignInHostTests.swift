import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// A sign-in that cannot reach the identity platform names the sign-in host, not Graph.
struct SignInHostTests {
    @Test func anUnresolvableSignInHostIsNamedAsTheSignInHost() async throws {
        let graph = FakeGraph()
        graph.on(
            "POST", SignInTests.deviceCode,
            .failure(TransportError(.dnsFailure, "Could not resolve host", requestMayHaveBeenSent: false)))
        let signIn = DeviceCodeSignIn(
            loginURL: SignInTests.login, tenant: "contoso.onmicrosoft.com",
            scopes: GraphCloud.global.signInScopes, transport: graph, cache: nil,
            clock: TestClock(), prompt: { _ in })
        do {
            try await signIn.signIn()
            Issue.record("expected a network failure")
        } catch let error as PIMError {
            #expect(error.kind == .network)
            #expect(error.description.contains("sign-in host"), "\(error.description)")
            #expect(error.description.contains("login.example.test"), "\(error.description)")
            #expect(error.step == .checkHostName(.login), "\(error.description)")
            #expect(!error.description.contains("Graph host"), "\(error.description)")
        }
    }
}
