import Foundation
import PIMCommandLine
import PIMDomain
import PIMGraph
import PIMSimulator

/// The simulated tenant, as `--demo` uses it.
enum DemoWiring {
    static func service(_ settings: GlobalSettings) throws -> any PIMService {
        var environment = ProcessInfo.processInfo.environment
        if let persona = settings.persona { environment["PIM_DEMO_PERSONA"] = persona }
        let tenant = try SimulatedTenant(configuration: SimulatorConfiguration.fromEnvironment(environment))
        return GraphPIMService(configuration: GraphConfiguration(baseURL: URL(string: "https://graph.microsoft.com")!),
                               transport: tenant, tokens: tenant.signIn())
    }

    static func summary(_ settings: GlobalSettings) -> [(String, String)] {
        [("service", "simulated tenant (--demo)"), ("persona", settings.persona ?? "ada"),
         ("state", settings.paths.stateDirectory + "/demo-tenant.json")]
    }

    static func reset(_ settings: GlobalSettings) throws -> String {
        let path = settings.paths.stateDirectory + "/demo-tenant.json"
        try? FileManager.default.removeItem(atPath: path)
        return "The demo tenant starts afresh (\(path))."
    }

    static func personas() -> [DemoPersona] {
        [DemoPersona(name: "ada", displayName: "Ada Lovelace", summary: "requester: eligible for roles and groups", isDefault: true),
         DemoPersona(name: "ben", displayName: "Ben Okafor", summary: "approver: decides requests"),
         DemoPersona(name: "hana", displayName: "Hana Sato", summary: "helpdesk: watches elevations")]
    }
}

/// The demo tenant accepts any token.
struct DemoToken: TokenProvider {
    func accessToken(claims: String?) async throws -> String { "demo" }
}
