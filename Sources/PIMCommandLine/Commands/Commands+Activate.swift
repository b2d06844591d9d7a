import Foundation
import PIMDomain

extension OptionSpec {
    static let template = OptionSpec(
        "template", value: "NAME",
        help: "Use a justification template from the configuration.")
    static let clamp = OptionSpec(
        "clamp",
        help: "Cut a duration over the policy's maximum to the maximum instead of refusing.")
    static let wait = OptionSpec("wait", short: "w", help: "Wait until requests needing approval are decided.")
}

extension Command {
    static let activate = Command(
        CommandSpec(
            "activate", abstract: "Activate one or several eligible roles or groups.",
            discussion: """
                Several TARGETs share the justification, ticket and duration. Every target is checked against \
                its policy before anything is sent. A target already active with enough time left is left \
                alone; a pending request is named instead of sending a duplicate. \(CommandTable.durationHelp)
                """,
            arguments: [.targets],
            options: [
                .justification, .template, .ticket, .ticketSystem, .duration, .start, .scope, .owner, .clamp, .wait,
            ],
            examples: [
                Example(
                    "pim activate \"Global Administrator\" -j \"CHG-1234 patch\" -t CHG-1234 -d 2h",
                    "Activate one role for two hours."),
                Example(
                    "pim activate \"Exchange Administrator\" -j \"Night migration\" --start 22:00 -d 3h",
                    "Schedule an activation to begin at 22:00 (tomorrow once 22:00 has passed)."),
                Example(
                    "pim activate \"Password Administrator\" --scope \"Paris Office\" -j \"Resets\"",
                    "Activate a role held at an administrative unit, naming the unit."),
                Example(
                    "pim activate @oncall -j \"Pager duty\"",
                    "Activate the role set oncall from the configuration."),
                Example(
                    "pim activate group:pag-prod-admins --owner -j \"Release\"",
                    "Activate the owner access of a group."),
                Example(
                    "pim activate azure:Contributor@Prod-Payments -j \"Deploy\" -d 2h",
                    "Activate an Azure role at the scope named Prod-Payments."),
            ]
        )
    ) { try await Commands.activate($0) }
}

extension Commands {
    /// `pim activate TARGET...`: resolve every target, check every one against its policy, send
    /// nothing unless all pass, then send one request per target that needs one.
    static func activate(_ context: CommandContext) async throws -> Int32 {
        let invocation = context.invocation
        let config = context.settings.configuration
        let words = try expandRoleSets(invocation.values(.targets), config: config)
        // Typos in the options are usage errors before anything is read from the service.
        _ = try context.durationOption(.duration)
        var draft = try draftFromOptions(context)
        let service = try await context.service()
        let targets = try await loadRoles(context, service: service).resolve(words, context: context)
        var planner = ActivationPlanner(
            draft: draft, durationIsExplicit: invocation.has(.duration),
            defaultDuration: config.defaultDuration ?? .hours(1),
            clamp: invocation.has(.clamp),
            timeZone: context.timeZone,
            rules: DraftRules(ticketPattern: config.ticketPattern, ticketSystemWithMissingNumber: true),
            now: context.clock.now())
        var steps = targets.map(planner.plan)
        // On a terminal, ask once for what the policies want and the options did not give.
        if steps.contains(where: { if case .refused = $0 { true } else { false } }), !context.json {
            if askForMissingValues(&draft, steps: steps, context: context) {
                planner.draft = draft
                steps = targets.map(planner.plan)
            }
        }
        let refusals = steps.compactMap { step -> String? in
            guard case .refused(let entry, let problems) = step else { return nil }
            return "Cannot activate \(spoken(entry.target)): "
                + problems.map(planner.sentence).joined(separator: " ")
        }
        if !refusals.isEmpty {
            let suffix = targets.count > 1 ? "\nNothing was sent." : ""
            throw Refusal(refusals.joined(separator: "\n") + suffix)
        }
        var outcomes: [ActivationOutcome] = []
        var firstFailure: (any Error)?
        for step in steps {
            switch step {
            case .send(let entry, let request, let notices):
                notices.forEach(context.notice)
                do {
                    let result = try await service.activate(request)
                    result.notices.forEach(context.notice)
                    outcomes.append(.sent(entry, result))
                } catch let error as PIMError where error.kind == .alreadyExists {
                    // Another request (another pim at the same moment) got there first: the service's
                    // "already exists" is the idempotent answer when the target is now active or pending.
                    if let settled = await settledOutcome(entry, service: service, context: context) {
                        outcomes.append(settled)
                    } else {
                        context.notice(
                            "pim: Activating \(spoken(entry.target)) failed: "
                                + ErrorWording.detailed(error))
                        outcomes.append(.failed(entry, error))
                        if firstFailure == nil { firstFailure = error }
                    }
                } catch {
                    let wrapped = PIMError.wrap(error)
                    context.notice(
                        "pim: Activating \(spoken(entry.target)) failed: "
                            + ErrorWording.detailed(wrapped))
                    outcomes.append(.failed(entry, wrapped))
                    if firstFailure == nil { firstFailure = wrapped }
                }
            case .alreadyActive(let entry, let until):
                outcomes.append(.alreadyActive(entry, until: until))
            case .pending(let entry, let request):
                outcomes.append(.pending(entry, request))
            case .refused:
                break
            }
        }
        if invocation.has(.wait) {
            outcomes = try await waitForDecisions(outcomes, service: service, context: context)
        }
        printOutcomes(outcomes, context: context)
        if let failure = firstFailure as? PIMError { return ExitCode.for(failure).rawValue }
        if outcomes.contains(where: \.wasRefused) { return ExitCode.refused.rawValue }
        return 0
    }

    /// What a refused "already exists" means once the roles are read again: active (nothing sent) or
    /// pending (the request that got there first). nil when neither can be seen.
    static func settledOutcome(
        _ entry: RoleEntry, service: any PIMService, context: CommandContext
    ) async -> ActivationOutcome? {
        let now = context.clock.now()
        if let fresh = try? await loadRoles(context, service: service).entries.first(where: {
            $0.target.id == entry.target.id
        }) {
            if let active = fresh.active { return .alreadyActive(fresh, until: active.end) }
            if let pending = fresh.pendingRequest { return .pending(fresh, pending) }
        }
        // The listing can lag behind the request: my requests say what was made.
        guard let mine = try? await service.myRequests(),
            let made = mine.filter({ $0.target.id == entry.target.id && $0.action == .selfActivate })
                .max(by: { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) })
        else { return nil }
        if made.status.isPending { return .pending(entry, made) }
        if !made.status.isRefusal, let end = made.expectedEnd(now: now), end > now {
            return .alreadyActive(entry, until: end)
        }
        return nil
    }

    /// `@name` words become the role set's names.
    static func expandRoleSets(_ words: [String], config: Configuration) throws -> [String] {
        var out: [String] = []
        for word in words {
            guard word.hasPrefix("@") else { out.append(word); continue }
            let name = String(word.dropFirst())
            guard let set = config.roleSets[name] else {
                let known = config.roleSets.keys.sorted()
                let hint =
                    known.isEmpty
                    ? " No role sets are defined yet." : Suggestion.sentence(for: name, in: known, prefix: "@")
                throw UsageError(
                    """
                    There is no role set \"\(name)\" in the configuration.\(hint) Define it under roleSets in \
                    \(configHint).
                    """
                )
            }
            out += set
        }
        return out
    }

    static let configHint = "$XDG_CONFIG_HOME/pim/config.json"

    /// The draft the options describe, with the configuration's defaults.
    static func draftFromOptions(_ context: CommandContext) throws -> ActivationDraft {
        let invocation = context.invocation
        let config = context.settings.configuration
        var justification = invocation.value(.justification) ?? ""
        if justification.isEmpty, let name = invocation.value(.template) {
            guard let template = config.justificationTemplates[name] else {
                let known = config.justificationTemplates.keys.sorted()
                throw UsageError(
                    "There is no justification template \"\(name)\"."
                        + Suggestion.sentence(for: name, in: known)
                        + " Define it under justificationTemplates in \(configHint).")
            }
            justification = template
        }
        let ticket = invocation.value(.ticket) ?? ""
        var system = invocation.value(.ticketSystem) ?? ""
        if !system.isEmpty, ticket.isEmpty {
            throw UsageError(
                """
                --ticket-system names the system of a ticket number: add --ticket NUMBER, or leave --ticket-system out.
                """
            )
        }
        // The configured system counts as given; without a number it is never sent.
        if system.isEmpty { system = config.ticketSystem ?? "" }
        return ActivationDraft(
            justification: justification, ticketNumber: ticket, ticketSystem: system,
            durationText: invocation.value(.duration) ?? "", start: try startOption(context))
    }

    /// `--start WHEN` as an instant (nil: now); unreadable text is a usage error naming the option.
    static func startOption(_ context: CommandContext) throws -> Date? {
        guard let text = context.invocation.value(.start) else { return nil }
        do throws(StartParseError) {
            return try ActivationStart.parse(text, now: context.clock.now(), timeZone: context.timeZone)
        } catch {
            throw UsageError("--start: \(error.message)", command: context.invocation.command.name)
        }
    }

    /// Prompts (on a terminal only) for the justification, ticket and ticket system the refusals
    /// ask for. Returns true when something was typed.
    static func askForMissingValues(
        _ draft: inout ActivationDraft, steps: [ActivationPlanner.Step],
        context: CommandContext
    ) -> Bool {
        guard context.console.stdinIsTerminal, context.console.stderrIsTerminal else { return false }
        // The fields some policy requires and the options left empty.
        let missing = Set(
            steps.flatMap { step -> [DraftProblem.Field] in
                guard case .refused(_, let problems) = step else { return [] }
                return problems.compactMap { problem in
                    if case .draft(let draft) = problem, draft.reason == .missing { draft.field } else { nil }
                }
            })
        var changed = false
        if draft.justification.isEmpty, missing.contains(.justification),
            let text = context.prompt("Justification")
        {
            draft.justification = text
            changed = true
        }
        if draft.ticketNumber.isEmpty, missing.contains(.ticketNumber),
            let text = context.prompt("Ticket number")
        {
            draft.ticketNumber = text
            changed = true
        }
        if draft.ticketSystem.isEmpty, !draft.ticketNumber.isEmpty,
            missing.contains(.ticketSystem) || changed
        {
            if let system = context.settings.configuration.ticketSystem {
                draft.ticketSystem = system
            } else if let text = context.prompt("Ticket system") {
                draft.ticketSystem = text
            }
            changed = true
        }
        return changed
    }
}
