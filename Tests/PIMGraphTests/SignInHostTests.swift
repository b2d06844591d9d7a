import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// A sign-in that cannot reach the identity platform names the sign-in host, not Graph.
struct SignInHostTests {
    @Test func anUnresolvableSignInHostIsNamedAsTheSignInHost() async throws {
        let graph = FakeGraph()
        graph.on("POST", SignInTests.deviceCode, .failure(TransportError(.dnsFailure, "Could not resolve host", requestMayHaveBeenSent: false)))
        let signIn = DeviceCodeSignIn(loginURL: SignInTests.login, tenant: "contoso.onmicrosoft.com",
                                      scopes: GraphCloud.global.signInScopes, transport: graph, cache: nil,
                                      clock: TestClock(), prompt: { _ in })
        do {
            try await signIn.signIn()
            Issue.record("expected a network failure")
        } catch let error as PIMError {
            #expect(error.kind == .network)
            #expect(error.message.contains("sign-in host"), "\(error.message)")
            #expect(error.message.contains("login.example.test"), "\(error.message)")
            #expect(error.message.contains("--login-url"), "\(error.message)")
            #expect(!error.message.contains("Graph host"), "\(error.message)")
        }
    }
}
