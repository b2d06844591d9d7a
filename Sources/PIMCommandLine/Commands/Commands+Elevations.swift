import Foundation
import PIMDomain
import PIMTables

extension OptionSpec {
    static let expiringWithin = OptionSpec(
        "expiring-within", value: "DURATION",
        help: "Only elevations ending within DURATION.")
    static let user = OptionSpec("user", value: "TEXT", help: "Only elevations of users whose name contains TEXT.")
    static let role = OptionSpec("role", value: "TEXT", help: "Only roles or groups whose name contains TEXT.")
    static let since = OptionSpec("since", value: "DURATION", help: "Only events of the last DURATION (e.g. 7d).")
    /// `--all`.
    static let tenantWide = OptionSpec("all", help: "The tenant's PIM audit log (needs audit permissions).")
}

extension Command {
    static let elevations = Command(
        CommandSpec(
            "elevations", abstract: "List the active elevations in the tenant, soonest expiry first (helpdesk).",
            discussion: "Every row carries the tier of the role or group (Tier 0 can take over the tenant). "
                + CommandTable.durationHelp,
            options: [.expiringWithin, .user, .role],
            examples: [
                Example("pim elevations --expiring-within 15m --output json", "What ends in the next 15 minutes.")
            ]
        )
    ) { try await Commands.elevations($0) }

    static let history = Command(
        CommandSpec(
            "history", abstract: "Show my PIM audit history; with --all, the tenant's.",
            discussion: CommandTable.durationHelp,
            options: [.since, .until, .historyUser, .historyTarget, .limit, .tenantWide, .mineAsApprover],
            examples: [
                Example("pim history --since 7d", "My last week."),
                Example(
                    "pim history --all --since 30d --target \"Global Admin\" --output csv > audit.csv",
                    "A month of the tenant's Global Administrator events for an auditor."),
            ]
        )
    ) { try await Commands.history($0) }
}

extension Commands {
    /// `pim elevations [--expiring-within D] [--user TEXT] [--role TEXT]`: soonest end first, a tier
    /// on every row.
    static func elevations(_ context: CommandContext) async throws -> Int32 {
        let invocation = context.invocation
        let within = try context.durationOption(.expiringWithin)
        let service = try await context.service()
        let now = context.clock.now()
        var rows = try await service.tenantElevations()
        await announceAzureUnavailable(of: service, context)
        if let within {
            rows = rows.filter { ($0.remaining(at: now) ?? .infinity) <= within.timeInterval }
        }
        if let user = invocation.value(.user)?.lowercased() {
            rows = rows.filter {
                [$0.principal.displayName, $0.principal.userPrincipalName, $0.principal.id]
                    .compactMap { $0?.lowercased() }.contains { $0.contains(user) }
            }
        }
        if let role = invocation.value(.role)?.lowercased() {
            rows = rows.filter { $0.target.displayName.lowercased().contains(role) }
        }
        rows.sort(by: ActiveAssignment.soonestEndFirst)
        if context.json {
            context.print(.array(rows.map { JSONRows.elevation($0, now: now) }))
            return 0
        }
        if rows.isEmpty {
            var filters: [String] = []
            if let user = invocation.value(.user) { filters.append("--user \(user)") }
            if let role = invocation.value(.role) { filters.append("--role \(role)") }
            if let within { filters.append("--expiring-within \(within.shortDescription)") }
            context.say(
                filters.isEmpty
                    ? "No elevations are active."
                    : "No active elevation matches \(filters.joined(separator: " ")).")
            return 0
        }
        let table = Table(Tables.elevations, rows: rows, context: context.columns)
        context.print(table)
        return 0
    }

    /// `pim history [--since D] [--until WHEN] [--user NAME] [--target NAME] [--limit N] [--all]`.
    static func history(_ context: CommandContext) async throws -> Int32 {
        if context.invocation.has(.mineAsApprover) { return try await myDecisions(context) }
        let filter = try HistoryFilter(context.invocation, now: context.clock.now())
        let service = try await context.service()
        let query = AuditQuery(since: filter.since, tenantWide: context.invocation.has(.tenantWide))
        let read = try await service.auditHistory(query)
        let window = context.invocation.value(.since).map { "in the last \($0)" } ?? "in the history read"
        if let sentence = filter.unknownName(in: read, window: window) { throw PIMError(.notFound, sentence) }
        let events = filter.apply(read)
        await announceAzureUnavailable(of: service, context)
        if context.settings.output == .csv {
            let csv = CSVRows.audit(events)
            // Written to a terminal, service text is made inert like everything else; to a file, it is exact.
            context.console.writeOut((context.console.stdoutIsTerminal ? csv.sanitized() : csv).rendered())
            return 0
        }
        if context.json {
            context.print(.array(events.map(JSONRows.audit)))
            return 0
        }
        if events.isEmpty {
            let filters = HistoryFilter.described(context.invocation)
            context.say(filters.isEmpty ? "No PIM events." : "No PIM event matches \(filters.joined(separator: " ")).")
            return 0
        }
        let table = Table(Tables.auditHistory, rows: events, context: context.columns)
        context.print(table)
        return 0
    }

}
