import Foundation
import PIMDomain
@testable import PIMGraph
import Testing

/// The Graph URL people give: pim adds the API version itself.
@Suite struct CloudSettingsTests {
    @Test(arguments: [
        ("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com"),
        ("https://graph.microsoft.com/v1.0/", "https://graph.microsoft.com"),
        ("https://graph.microsoft.com/beta", "https://graph.microsoft.com"),
        ("https://graph.microsoft.com/V1.0//", "https://graph.microsoft.com"),
        ("http://127.0.0.1:8799/v1.0", "http://127.0.0.1:8799"),
        ("http://127.0.0.1:8799/", "http://127.0.0.1:8799"),
        ("https://proxy.example/graph/beta", "https://proxy.example/graph"),
        ("https://graph.microsoft.us", "https://graph.microsoft.us"),
    ])
    func aVersionSegmentInTheGraphURLIsDropped(given: String, expected: String) throws {
        let fromEnvironment = try GraphCloud.resolve(environment: ["PIM_GRAPH_URL": given])
        #expect(fromEnvironment.graphURL.absoluteString == expected)
        let fromFlag = try GraphCloud.resolve(graphURL: given, environment: [:])
        #expect(fromFlag.graphURL.absoluteString == expected)
    }

    @Test func aVersionedGraphURLDoesNotDoubleTheVersion() throws {
        let cloud = try GraphCloud.resolve(environment: ["PIM_GRAPH_URL": "https://graph.microsoft.com/v1.0"])
        #expect(GraphConfiguration(cloud: cloud).baseURL.absoluteString == "https://graph.microsoft.com")
    }

    @Test func theLoginURLIsLeftAsGiven() throws {
        let cloud = try GraphCloud.resolve(environment: ["PIM_LOGIN_URL": "http://127.0.0.1:9000/v1.0"])
        #expect(cloud.loginURL.absoluteString == "http://127.0.0.1:9000/v1.0")
    }
}
