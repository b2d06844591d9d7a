import Foundation
import PIMDomain
import PIMTables

extension Commands {
    /// `pim roles [--eligible | --active]`.
    static func roles(_ context: CommandContext) async throws -> Int32 {
        let service = try await context.service()
        var entries = try await loadRoles(context, service: service)
        if context.invocation.has("eligible") { entries = entries.filter { $0.eligibility != nil && $0.state != .active } }
        if context.invocation.has("active") { entries = entries.filter { $0.state == .active } }
        let now = context.clock.now()
        if context.json {
            context.print(.array(entries.map { JSONRows.role($0, now: now) }))
            return 0
        }
        if entries.isEmpty {
            context.say(context.invocation.has("active") ? "Nothing is active." : "You have no eligible roles or groups.")
            return 0
        }
        let table = Table(Tables.roles, rows: entries, context: context.columns)
        context.print(table)
        return 0
    }
}
