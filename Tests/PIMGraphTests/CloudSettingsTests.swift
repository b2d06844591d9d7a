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

    /// Azure Resource Manager's host and token audience per cloud (ARM contract §1.1, §11.1).
    @Test(arguments: [
        ("global", "https://management.azure.com", "https://management.core.windows.net/"),
        ("usgov", "https://management.usgovcloudapi.net", "https://management.core.usgovcloudapi.net/"),
        ("usgov-dod", "https://management.usgovcloudapi.net", "https://management.core.usgovcloudapi.net/"),
        ("china", "https://management.chinacloudapi.cn", "https://management.core.chinacloudapi.cn/"),
    ])
    func eachCloudHasItsARMHostAndTokenAudience(name: String, armURL: String, resource: String) throws {
        let cloud = try GraphCloud.resolve(cloud: name, environment: [:])
        #expect(cloud.armURL.absoluteString == armURL)
        #expect(cloud.armResource == resource)
        // The resource ends in "/", so its `.default` scope has the double slash the identity platform needs.
        #expect(cloud.armScopes == ["\(resource)/.default", "offline_access"])
    }

    @Test func theGlobalARMScopeIsTheOneTheAzureCLIAsksFor() {
        #expect(
            GraphCloud.global.armScopes.joined(separator: " ")
                == "https://management.core.windows.net//.default offline_access")
    }

    @Test func theARMURLCanBeOverriddenAndTheTokenStillNamesTheCloudsResource() throws {
        let fromEnvironment = try GraphCloud.resolve(
            environment: ["PIM_CLOUD": "usgov", "PIM_ARM_URL": "http://127.0.0.1:8800/"])
        #expect(fromEnvironment.armURL.absoluteString == "http://127.0.0.1:8800")
        #expect(fromEnvironment.armResource == "https://management.core.usgovcloudapi.net/")
        #expect(fromEnvironment.graphURL.absoluteString == "https://graph.microsoft.us")
        let flagBeatsEnvironment = try GraphCloud.resolve(
            armURL: "https://proxy.example/arm//", environment: ["PIM_ARM_URL": "https://elsewhere.example"])
        #expect(flagBeatsEnvironment.armURL.absoluteString == "https://proxy.example/arm")
        #expect(flagBeatsEnvironment.armScopes.first == "https://management.core.windows.net//.default")
        #expect(
            GraphCloud.china.overriding(armURL: URL(string: "https://a.example")!).armResource
                == "https://management.core.chinacloudapi.cn/")
    }

    @Test func anARMURLThatWouldSendTheTokenInClearIsRefused() throws {
        do {
            _ = try GraphCloud.resolve(armURL: "http://management.example", environment: [:])
            Issue.record("expected a refusal")
        } catch let error as PIMError {
            #expect(error.kind == .invalidInput)
            #expect(error.event.contains("--arm-url"))
            #expect(error.event.contains("unencrypted"))
        }
        do {
            _ = try GraphCloud.resolve(environment: ["PIM_ARM_URL": "ftp://x"])
            Issue.record("expected a refusal")
        } catch let error as PIMError {
            #expect(error.event.contains("https://management.azure.com"))
        }
    }
}
