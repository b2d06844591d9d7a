import Foundation
import PIMDomain

extension OptionSpec {
    static let yes = OptionSpec(
        "yes", short: "y",
        help: "Agree without a question that extending an activation that needs approval ends your access until "
            + "an approver approves (needed without a terminal).")
}

extension Command {
    static let deactivate = Command(
        CommandSpec(
            "deactivate", abstract: "Deactivate an active role or group before it expires.",
            arguments: [.target],
            options: [
                .justification.with(help: "Why (optional)."),
                .scope.with(help: "Directory scope of a role, or the scope (id or name) of an Azure role."),
                .owner.with(help: "Deactivate the owner access of a group instead of member."),
            ],
            examples: [Example("pim deactivate \"Global Administrator\"", "Give the role back.")]
        )
    ) { try await Commands.deactivate($0) }

    static let extend = Command(
        CommandSpec(
            "extend", abstract: "Extend an active role or group.",
            discussion: "The new DURATION counts from now. \(CommandTable.durationHelp)",
            arguments: [.target],
            options: [
                .justification.with(help: "Why you need more time."),
                .ticket,
                .ticketSystem.with(help: "Ticket system of the ticket number."),
                .duration.with(help: "How long from now."),
                .scope.with(help: "Directory scope of a role, or the scope (id or name) of an Azure role."),
                .owner.with(help: "Extend the owner access of a group instead of member."),
                .yes,
            ],
            examples: [
                Example(
                    "pim extend \"Exchange Administrator\" -j \"Migration overran\" -d 2h",
                    "Two more hours from now.")
            ]
        )
    ) { try await Commands.extend($0) }
}

extension Commands {
    /// `pim deactivate TARGET`. A target that is not active is left alone (exit 0), like `activate`
    /// leaves an active one alone; a permanent assignment is refused.
    static func deactivate(_ context: CommandContext) async throws -> Int32 {
        let invocation = context.invocation
        let service = try await context.service()
        let listing = try await loadRoles(context, service: service)
        let entry = try listing.resolve([invocation.required(.target)], context: context)[0]
        let name = entry.target.displayName
        let now = context.clock.now()
        guard let active = entry.active else {
            if context.json {
                var fields: [(String, JSONValue)] = [("id", .null), ("status", .null)]
                fields += JSONRows.targetFields(entry.target).filter { $0.0 != "id" }
                fields += JSONRows.azureTargetFields(entry.target, memberType: entry.eligibility?.memberType)
                fields += [
                    ("targetId", .string(entry.target.id.resourceId)), ("state", .string("eligible")),
                    ("endDateTime", .null), ("outcome", .string("notActive")),
                ]
                context.print(.object(fields))
            } else if let pending = entry.pendingRequest {
                context.say(
                    safeLines(
                        """
                        \(name) is not active: nothing to deactivate. Its request \(pending.id) is \
                        \(pending.status.graphValue); withdraw it with pim cancel \(pending.id).
                        """
                    ))
            } else {
                context.say(safeLines("\(name) is not active: nothing to deactivate."))
            }
            return 0
        }
        guard entry.canDeactivate else {
            throw Refusal(
                "\(name) is assigned to you outright, not activated through PIM: only an administrator can remove it.")
        }
        if let start = active.start, now.timeIntervalSince(start) < ServiceLimits.minimumActiveBeforeDeactivation,
            now >= start
        {
            let from = start.addingTimeInterval(ServiceLimits.minimumActiveBeforeDeactivation)
            throw Refusal(
                """
                \(name) was activated at \(context.localTime(start)) and can be deactivated from \
                \(context.localTime(from)): the service refuses within 5 minutes of the start. Try again then.
                """
            )
        }
        let request = try await service.deactivate(active, justification: invocation.value(.justification))
        if context.json {
            context.print(JSONRows.request(request, now: now, extra: [("outcome", .string("sent"))]))
        } else {
            context.say(
                safeLines("Deactivated \(spoken(entry.target)): \(request.status.graphValue) (request \(request.id)).")
            )
        }
        return 0
    }

    /// `pim extend TARGET --duration D`: the active elevation lasts D from now.
    static func extend(_ context: CommandContext) async throws -> Int32 {
        let invocation = context.invocation
        let config = context.settings.configuration
        _ = try context.durationOption(.duration)
        var draft = try draftFromOptions(context)
        let service = try await context.service()
        let listing = try await loadRoles(context, service: service)
        let entry = try listing.resolve([invocation.required(.target)], context: context)[0]
        let name = entry.target.displayName
        guard let active = entry.active else {
            let word =
                entry.target.kind.family == .azure
                ? TargetResolver.written(entry, among: listing.entries) : "\"\(name)\""
            throw Refusal("\(name) is not active: activate it with pim activate \(word) instead.")
        }
        // An activation, or an assignment with an end (selfExtend / selfRenew); never a permanent one.
        if let refusal = entry.extensionRefusal { throw Refusal(refusal) }
        if draft.durationText.isEmpty {
            draft.durationText =
                (entry.policy?.cappedDuration(config.defaultDuration ?? .hours(1)) ?? .hours(1)).shortDescription
        }
        if draft.justification.isEmpty, entry.policy?.requiresJustification == true,
            let text = context.prompt("Justification")
        {
            draft.justification = text
        }
        let rules = DraftRules(ticketPattern: config.ticketPattern, ticketSystemWithMissingNumber: true)
        let request: ActivationRequest
        switch draft.request(for: entry.target, policy: entry.policy, rules: rules, now: context.clock.now()) {
        case .success(let ready): request = ready
        case .failure(let problems):
            let sentences = problems.problems.map { "\($0.message) Add \(flag(for: $0.field))." }
            throw Refusal("Cannot extend \(name): " + sentences.joined(separator: " "))
        }
        // Graph cannot lengthen a running activation: one that needs approval ends, and access returns
        // only when an approver acts. On a terminal that is asked first; without one only --yes agrees.
        if active.assignmentType == .activated, entry.policy?.requiresApproval == true, !invocation.has(.yes) {
            guard context.console.stdinIsTerminal, context.console.stderrIsTerminal else {
                throw Refusal(
                    """
                    Nothing was sent: \(name) needs approval, and extending it ends your access until an approver \
                    approves the new activation. Add --yes to do that without a terminal, or let it run until it ends \
                    and activate it again then.
                    """
                )
            }
            let answer =
                context.prompt(
                    """
                    \(name) needs approval: extending ends your access until an approver approves the new activation. \
                    Continue? (y/N)
                    """
                ) ?? ""
            guard ["y", "yes"].contains(answer.lowercased()) else {
                throw Refusal(
                    """
                    Nothing was sent: \(name) stays active until it ends; activate it again then, or extend it when \
                    access may pause.
                    """
                )
            }
        }
        let result = try await service.extend(active, with: request)
        result.notices.forEach(context.notice)
        printOutcomes([.sent(entry, result)], context: context, verb: "Extended")
        return result.request.wasRefused ? ExitCode.refused.rawValue : 0
    }
}
