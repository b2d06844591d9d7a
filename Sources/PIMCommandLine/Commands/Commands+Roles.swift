import Foundation
import PIMDomain

extension OptionSpec {
    static let eligible = OptionSpec("eligible", help: "Only roles and groups I can activate.")
    static let active = OptionSpec("active", help: "Only roles and groups active now.")
}

extension Command {
    static let roles = Command(CommandSpec(
        "roles", abstract: "List my eligible and active roles and groups.",
        discussion: "Active rows come first with the time left; each row shows what its policy requires.",
        options: [.eligible, .active],
        examples: [Example("pim roles", "Everything I hold or can activate."),
                   Example("pim roles --active --output json", "What is active now, for a script.")],
        exclusive: [[.eligible, .active]]
    )) { try await Commands.roles($0) }
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
        var table = Table([.init("NAME", flexible: true, names: true), .init("KIND"), .init("SCOPE", flexible: true, dropRank: 2), .init("STATE"),
                           .init("LEFT", alignRight: true), .init("ENDS", dropRank: 3), .init("TIER", dropRank: 1),
                           .init("REQUIRES", flexible: true)])
        for entry in entries {
            let state: Table.Cell = switch entry.state {
            case .active: Table.Cell("active", style: .green)
            case .pending: Table.Cell("pending", style: .yellow)
            case .eligible: Table.Cell("eligible")
            }
            let isActive = entry.state == .active
            let requires = entry.policy.map { policy in
                var labels = policy.requirementLabels
                if let max = policy.maxDuration { labels.append("max \(max.shortDescription)") }
                return labels.joined(separator: ", ")
            } ?? ""
            table.add([
                Table.Cell(text(entry.target.displayName), style: .bold),
                Table.Cell(kindLabel(entry.target.kind)),
                Table.Cell(text(entry.target.scopeLabel)),
                state,
                countdownCell(entry.end, now: now, active: isActive),
                Table.Cell(DisplayText(untrusted: isActive ? context.localTime(entry.end) : "-")),
                Table.Cell(DisplayText(untrusted: entry.target.tier.label), style: .tier(entry.target.tier)),
                Table.Cell(text(requires.isEmpty ? "-" : requires)),
            ])
        }
        context.print(table)
        return 0
    }
}
