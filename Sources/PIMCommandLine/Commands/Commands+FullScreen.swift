import Foundation
import PIMDomain

extension Command {
    static let tui = Command(
        CommandSpec(
            "tui", abstract: "Open the full-screen interface (the default without a subcommand).",
            examples: [Example("pim --demo", "Explore the simulated tenant full screen.")]
        )
    ) { try await Commands.runFullScreen($0) }
}

extension Commands {
    /// `pim tui` (and `pim` alone): the host runs the full-screen interface on the service.
    static func runFullScreen(_ context: CommandContext) async throws -> Int32 {
        guard context.console.stdinIsTerminal, context.console.stdoutIsTerminal else {
            throw UsageError(
                "The full-screen interface needs a terminal: run pim in one, or use a command such as "
                    + "pim roles (see pim --help).")
        }
        let service = try await context.service()
        return await context.host.runFullScreen(service: service, settings: context.settings)
    }
}
