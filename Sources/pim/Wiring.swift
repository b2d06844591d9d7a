import Foundation
import PIMCommandLine
import PIMDomain
import PIMGraph
import PIMSimulator
import PIMTerminal

/// Builds what the settings ask for: the simulated tenant (`--demo`) or Microsoft Graph, each
/// behind the same `GraphPIMService`, and runs the full-screen interface with the configuration's
/// defaults.
struct Wiring: CommandLineHost {
    func makeService(_ settings: GlobalSettings) async throws -> any PIMService {
        if settings.demo { return try DemoWiring.service(settings) }
        return try GraphWiring.service(settings)
    }

    func login(
        _ settings: GlobalSettings, method: LoginMethod, includeAudit: Bool, console: Console
    ) async throws -> String {
        try await GraphWiring.login(settings, method: method, includeAudit: includeAudit, console: console)
    }

    func logout(_ settings: GlobalSettings) throws -> String { try GraphWiring.logout(settings) }

    func connectionSummary(_ settings: GlobalSettings) -> [(String, String)] {
        settings.demo ? DemoWiring.summary(settings) : GraphWiring.summary(settings)
    }

    func demoReset(_ settings: GlobalSettings) throws -> String { try DemoWiring.reset(settings) }

    func demoPersonas(_ settings: GlobalSettings) -> [DemoPersona] { DemoWiring.personas(settings) }

    func runFullScreen(service: any PIMService, settings: GlobalSettings) async -> Int32 {
        let config = settings.configuration
        let settings = settings.demo ? settings : ((try? GraphWiring.withAccount(settings).0) ?? settings)
        let label = settings.demo ? "simulated tenant (demo)" : (settings.tenant ?? "Microsoft Graph")
        let options = FullScreenOptions(
            tenantLabel: label, refreshInterval: config.refreshInterval ?? 60,
            defaultDuration: config.defaultDuration ?? .hours(1), noColor: !settings.colorAllowed,
            ticketSystem: config.ticketSystem ?? "", ticketPattern: config.ticketPattern,
            palette: config.palette, confirmTier0: config.confirmTier0,
            drafts: DraftFile(settings: settings), roleSets: config.roleSets, notifications: config.notifications,
            notifier: config.notifications
                ? DesktopPrograms.fullScreenNotifier(environment: ProcessInfo.processInfo.environment) : .off)
        return await FullScreen.run(service: service, options: options)
    }

    func notifySendPath(environment: [String: String]) -> String? {
        DesktopPrograms.notifySendPath(environment: environment)
    }

    func launch(_ path: String, _ arguments: [String]) { DesktopPrograms.launch(path, arguments) }
}
