import Foundation
import PIMDomain

/// The handlers of the subcommands. Each `Commands+Name.swift` holds a command's `Command` value (its
/// spec and options, listed in `CommandTable.all`) next to its handler. Every command returns its exit
/// code or throws; `CommandLineTool.report` turns what is thrown into a sentence and a code.
enum Commands {
    /// The sections every role row is made of: without one of them a row may be missing or wrong
    /// (eligible shown for active, no pending request), so neither a listing nor a target lookup uses them.
    static let roleRowSections: Set<DashboardSection> = [
        .eligibleRoles, .activeRoles, .eligibleGroups, .activeGroups, .myRequests, .azureRoles,
    ]

    /// The sections the rows of `families` are made of (my requests mark any row pending).
    static func rowSections(of families: Set<TargetFamily>) -> Set<DashboardSection> {
        var sections: Set<DashboardSection> = [.myRequests]
        for family in families {
            switch family {
            case .directoryRole: sections.formUnion([.eligibleRoles, .activeRoles])
            case .group: sections.formUnion([.eligibleGroups, .activeGroups])
            case .azure: sections.insert(.azureRoles)
            }
        }
        return sections.intersection(roleRowSections)
    }

    /// The rows of "My roles", whole: a section the rows of `families` are made of that failed throws
    /// `PIMError.incomplete` (exit 5; never "not eligible" or "nothing to deactivate" from half a
    /// listing). Other sections that failed (policies, profile) are a warning on stderr.
    static func loadRoles(
        _ context: CommandContext, service: any PIMService,
        families: Set<TargetFamily> = Set(TargetFamily.allCases)
    ) async throws -> RoleListing {
        let dashboard = try await service.loadDashboard(.rolesOnly)
        let needed = rowSections(of: families)
        let unread = dashboard.failures.filter { needed.contains($0.key) }
        if !unread.isEmpty { throw PIMError.incomplete(unread) }
        for (section, error) in dashboard.failures.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !roleRowSections.contains(section) {
            context.notice("Could not load \(section.label): \(ErrorWording.sentence(error))")
        }
        var entries = dashboard.roleEntries
        let missing = entries.filter { $0.policy == nil && $0.eligibility != nil }.map(\.target)
        if !missing.isEmpty, let policies = try? await service.policies(for: missing) {
            for index in entries.indices where entries[index].policy == nil {
                entries[index].policy = policies[entries[index].target.id]
            }
        }
        cacheTargetNames(entries, context: context)
        return RoleListing(
            entries: entries, azureUnavailable: dashboard.azureUnavailable, confersUnread: dashboard.confersUnread)
    }

    /// Keeps the names for shell completion; failing to write the cache never fails the command.
    static func cacheTargetNames(_ entries: [RoleEntry], context: CommandContext) {
        let paths = context.settings.paths
        let azure = entries.filter { $0.target.kind.family == .azure }
        let names = Set(
            entries.map { entry in
                // An Azure role held at several scopes is offered once per scope, as a word that names it.
                entry.target.kind.family.written(entry.target.displayName)
                    + (entry.target.kind.family == .azure ? TargetResolver.scopeSuffix(entry, among: azure) : "")
            }
        ).sorted()
        // Control characters would break the completion scripts' line splitting.
        let text = names.map { Sanitizer.sanitize($0) }.joined(separator: "\n") + "\n"
        TargetNamesFile.write(text, to: paths.targetNamesCache, in: paths.cacheDirectory)
    }

    static func text(_ value: String?) -> DisplayText { DisplayText(untrusted: value ?? "") }

    /// The flag that supplies a draft field, for "missing value" messages.
    static func flag(for field: DraftProblem.Field) -> String {
        switch field {
        case .justification: OptionSpec.justification.synopsis
        case .ticketNumber: OptionSpec.ticket.synopsis
        case .ticketSystem: OptionSpec.ticketSystem.synopsis
        case .duration: OptionSpec.duration.synopsis
        case .start: OptionSpec.start.synopsis
        }
    }
}
