import Foundation
import PIMCommandLine
import PIMDomain
import PIMGraph
import PIMSimulator

/// The simulated tenant, as `--demo` uses it: state in `$XDG_STATE_HOME/pim/demo-tenant.json`,
/// the persona from `--as` (else `PIM_DEMO_PERSONA`, else ada).
enum DemoWiring {
    static func configuration(_ settings: GlobalSettings) throws -> SimulatorConfiguration {
        var environment = settings.environment
        if let persona = settings.persona { environment["PIM_DEMO_PERSONA"] = persona }
        do {
            var configuration = try SimulatorConfiguration.fromEnvironment(environment)
            configuration.report = StandardStreams.errLine
            return configuration
        } catch let error as SimulatorError {
            throw UsageError(error.description)
        }
    }

    static func service(_ settings: GlobalSettings) throws -> any PIMService {
        let configuration = try configuration(settings)
        if let file = configuration.stateFile { try ensureWritable(file.deletingLastPathComponent()) }
        let tenant: SimulatedTenant
        do { tenant = try SimulatedTenant(configuration: configuration) } catch let error as SimulatorError {
            throw PIMError(.other, error.description)
        }
        let transport: any Transport = settings.verbose ? LoggingTransport(inner: tenant) : tenant
        let hints = DashboardHintFile(
            directory: URL(fileURLWithPath: settings.paths.cacheDirectory),
            scope: "demo|\(configuration.persona)")
        let azure = ARMRoleService(
            configuration: ARMConfiguration(baseURL: GraphCloud.global.armURL), transport: transport,
            tokens: tenant.signIn(for: .azureResourceManager))
        return GraphPIMService(
            configuration: GraphConfiguration(baseURL: GraphCloud.global.graphURL),
            transport: transport, tokens: tenant.signIn(), hints: hints, azure: azure)
    }

    /// The tenant keeps its state beside the file; a folder it cannot write would otherwise surface
    /// later as a service error, as if Graph were down.
    static func ensureWritable(_ directory: URL) throws {
        let path = directory.path
        try? FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw PIMError(
                .other,
                "The demo tenant cannot keep its state in \(path): make that folder writable, "
                    + "point XDG_STATE_HOME elsewhere, or set PIM_SIM_STATE=memory.")
        }
    }

    static func summary(_ settings: GlobalSettings) -> [(String, String)] {
        let configuration = try? configuration(settings)
        return [
            ("service", "simulated tenant (--demo)"),
            ("persona", configuration?.persona ?? settings.persona ?? SimulatorConfiguration.defaultPersona),
            ("state", configuration?.stateFile?.path ?? "memory"),
        ]
    }

    static func reset(_ settings: GlobalSettings) throws -> String {
        let configuration = try configuration(settings)
        guard let file = configuration.stateFile else { return "The demo tenant lives in memory: nothing to reset." }
        do { try SimulatedTenant.reset(stateFile: file) } catch {
            throw PIMError(.other, "The demo tenant could not be reset (\(error)): delete \(file.path) by hand.")
        }
        return "The demo tenant starts afresh (\(file.path))."
    }

    static func personas(_ settings: GlobalSettings) -> [DemoPersona] {
        SimulatedTenant.personas.map { persona in
            DemoPersona(
                name: persona.id, displayName: persona.displayName, userPrincipalName: persona.userPrincipalName,
                summary: persona.summary, isDefault: persona.id == SimulatorConfiguration.defaultPersona)
        }
    }
}
