import Foundation
import PIMDomain
import PIMTables

extension OptionSpec {
    static let eligible = OptionSpec("eligible", help: "Only roles and groups I can activate.")
    static let active = OptionSpec("active", help: "Only roles and groups active now.")
    static let kind = OptionSpec(
        "kind", value: "KIND",
        help: "Only one kind: role (directory roles), group (PIM for Groups) or azure (Azure resource roles).",
        choices: TargetFamily.allCases.map(\.word))
}

extension Command {
    static let roles = Command(
        CommandSpec(
            "roles", abstract: "List my eligible and active roles, groups and Azure roles.",
            discussion: """
                Active rows come first with the time left; each row shows what its policy requires. Azure roles \
                show the scope they apply at (a management group, subscription, resource group or resource).
                """,
            options: [.eligible, .active, .kind],
            examples: [
                Example("pim roles", "Everything I hold or can activate."),
                Example("pim roles --active --output json", "What is active now, for a script."),
                Example("pim roles --kind azure", "Only my Azure roles, with their scopes."),
            ],
            exclusive: [[.eligible, .active]]
        )
    ) { try await Commands.roles($0) }
}

extension Commands {
    /// `pim roles [--eligible | --active] [--kind role|group|azure]`.
    static func roles(_ context: CommandContext) async throws -> Int32 {
        let service = try await context.service()
        let kind = context.invocation.value(.kind).flatMap(TargetFamily.init(rawValue:))
        let families = kind.map { Set([$0]) } ?? Set(TargetFamily.allCases)
        let listing = try await loadRoles(context, service: service, families: families)
        if families.contains(.azure) { listing.announceAzureUnavailable(context) }
        var entries = listing.entries.filter { families.contains($0.target.kind.family) }
        if context.invocation.has(.eligible) {
            entries = entries.filter { $0.eligibility != nil && $0.state != .active }
        }
        if context.invocation.has(.active) { entries = entries.filter { $0.state == .active } }
        if let unread = listing.confersUnread, entries.contains(where: { $0.target.kind.family == .group }) {
            context.notice("Could not read which roles the groups give: \(ErrorWording.sentence(unread))")
        }
        let now = context.clock.now()
        if context.json {
            context.print(.array(entries.map { JSONRows.role($0, now: now) }))
            return 0
        }
        if entries.isEmpty {
            let onlyActive = context.invocation.has(.active)
            context.say(onlyActive ? "Nothing is active." : "You have no eligible \(noun(of: kind)).")
            return 0
        }
        let table = Table(Tables.roles, rows: entries, context: context.columns)
        context.print(table)
        return 0
    }

    /// What `pim roles` lists, in words: everything, or one kind.
    static func noun(of kind: TargetFamily?) -> String {
        switch kind {
        case nil: "roles or groups"
        case .directoryRole: "directory roles"
        case .group: "groups"
        case .azure: "Azure roles"
        }
    }
}
