import Foundation
import PIMDomain
import PIMTables

extension OptionSpec {
    static let eligible = OptionSpec("eligible", help: "Only roles and groups I can activate.")
    static let active = OptionSpec("active", help: "Only roles and groups active now.")
}

extension Command {
    static let roles = Command(
        CommandSpec(
            "roles", abstract: "List my eligible and active roles and groups.",
            discussion: "Active rows come first with the time left; each row shows what its policy requires.",
            options: [.eligible, .active],
            examples: [
                Example("pim roles", "Everything I hold or can activate."),
                Example("pim roles --active --output json", "What is active now, for a script."),
            ],
            exclusive: [[.eligible, .active]]
        )
    ) { try await Commands.roles($0) }
}

extension Commands {
    /// `pim roles [--eligible | --active]`.
    static func roles(_ context: CommandContext) async throws -> Int32 {
        let service = try await context.service()
        var entries = try await loadRoles(context, service: service)
        if context.invocation.has(.eligible) {
            entries = entries.filter { $0.eligibility != nil && $0.state != .active }
        }
        if context.invocation.has(.active) { entries = entries.filter { $0.state == .active } }
        let now = context.clock.now()
        if context.json {
            context.print(.array(entries.map { JSONRows.role($0, now: now) }))
            return 0
        }
        if entries.isEmpty {
            let onlyActive = context.invocation.has(.active)
            context.say(onlyActive ? "Nothing is active." : "You have no eligible roles or groups.")
            return 0
        }
        let table = Table(Tables.roles, rows: entries, context: context.columns)
        context.print(table)
        return 0
    }
}
