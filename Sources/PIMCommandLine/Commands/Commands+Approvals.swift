import Foundation
import PIMDomain
import PIMTables

extension OptionSpec {
    static let watch = OptionSpec("watch", help: "Keep watching for new requests until interrupted.")
    static let interval = OptionSpec(
        "interval", value: "DURATION",
        help: "How often --watch polls (default: refreshInterval of the configuration, else 30s).")
}

extension Command {
    static let approvals = Command(
        CommandSpec(
            "approvals", abstract: "List the requests waiting for my decision.",
            discussion: "With --watch, pim keeps polling, rings the bell, sends a desktop notification and prints "
                + "each new request with the command that approves it (notifications: false in the configuration "
                + "turns the notification off).",
            options: [.watch, .interval],
            examples: [
                Example("pim approvals", "What waits for me."),
                Example("pim approvals --watch", "Wait for requests and ring the bell."),
            ]
        )
    ) { try await Commands.approvals($0) }

    static let approve = Command(
        CommandSpec(
            "approve", abstract: "Approve one or several requests waiting for my decision.",
            arguments: [.approvalIds.with(help: Commands.approvalIdHelp)],
            options: [.justification.with(help: "Why you approve (required).")],
            examples: [
                Example(
                    "pim approve 9f2b5ddb-a50e-44a1-a6f4-f616322262ea -j \"Matches CHG-1234\"",
                    "Approve a request.")
            ]
        )
    ) { try await Commands.decide($0, .approve) }

    static let deny = Command(
        CommandSpec(
            "deny", abstract: "Deny one or several requests waiting for my decision.",
            arguments: [.approvalIds.with(help: Commands.approvalIdHelp)],
            options: [.justification.with(help: "Why you deny (required).")],
            examples: [
                Example(
                    "pim deny 9f2b5ddb-a50e-44a1-a6f4-f616322262ea --justification \"No ticket\"",
                    "Deny a request.")
            ]
        )
    ) { try await Commands.decide($0, .deny) }
}

extension Commands {
    /// `pim approvals [--watch]`.
    static func approvals(_ context: CommandContext) async throws -> Int32 {
        let service = try await context.service()
        if context.invocation.has(.watch) { return try await watchApprovals(context, service: service) }
        let items = try await service.pendingApprovals().sorted(by: ApprovalItem.longestWaitingFirst)
        cacheApprovalIds(items, context: context)
        await announceAzureUnavailable(of: service, context)
        let now = context.clock.now()
        if context.json {
            context.print(.array(items.map { JSONRows.approval($0, now: now) }))
            return 0
        }
        if items.isEmpty {
            context.say("No requests wait for your decision.")
            return 0
        }
        let table = Table(Tables.approvals, rows: items, context: context.columns)
        context.print(table)
        return 0
    }

    /// The shortest `--watch` interval: more often only adds load (and throttling) on the service.
    static let minimumWatchInterval: Double = 10

    /// `--watch`: polls until interrupted; each new request rings the bell and is printed with the
    /// exact commands that decide it. In JSON mode each new request is one compact line.
    static func watchApprovals(_ context: CommandContext, service: any PIMService) async throws -> Int32 {
        let asked = try context.durationOption(.interval)
        if let asked, asked.timeInterval < minimumWatchInterval {
            let typed = context.invocation.value(.interval) ?? asked.shortDescription
            throw UsageError(
                "--interval \(typed) is too often: pim polls the service at most every 10s; "
                    + "write --interval 10s or more.",
                command: "approvals")
        }
        let interval =
            asked?.timeInterval ?? max(minimumWatchInterval, context.settings.configuration.refreshInterval ?? 30)
        var seen = Set<String>()
        let notifier = context.desktopNotifier()
        if !context.json {
            context.notice(
                """
                Watching for requests that need your decision every \
                \(ActivationDuration(seconds: Int(interval)).shortDescription); press Ctrl-C to stop.
                """
            )
        }
        while true {
            let items = try await service.pendingApprovals().sorted(by: ApprovalItem.longestWaitingFirst)
            let now = context.clock.now()
            let fresh = items.filter { !seen.contains($0.id) }
            if !fresh.isEmpty, context.console.stdoutIsTerminal || context.console.stderrIsTerminal {
                context.console.writeErr("\u{07}")
            }
            for item in fresh {
                seen.insert(item.id)
                context.send(.newApprovals([item], naming: spoken), through: notifier)
                if context.json {
                    context.console.out(JSONValue.compact(JSONRows.approval(item, now: now)))
                } else {
                    context.say(safeLines(watchLines(item, now: now)))
                }
            }
            do { try await context.clock.sleep(interval) } catch { return 0 }
        }
    }

    /// The lines `--watch` prints for a new request, ending with the commands to run.
    static func watchLines(_ item: ApprovalItem, now: Date) -> String {
        let request = item.request
        var line =
            """
            New request \(request.id): \(request.principal.label) asks for \(spoken(request.target)) \
            (\(request.target.kind.label), \(request.target.tier.label))
            """
        if let duration = request.duration { line += " for \(duration.shortDescription)" }
        var lines = [line]
        if let justification = request.justification, !justification.isEmpty {
            lines.append("  justification: \(justification)")
        }
        if let number = request.ticket?.number {
            lines.append("  ticket: \(number)\(request.ticket?.system.map { " (\($0))" } ?? "")")
        }
        lines.append("  pim approve \(request.id) --justification \"…\"")
        lines.append("  pim deny \(request.id) --justification \"…\"")
        return lines.joined(separator: "\n")
    }

    static let approvalIdHelp =
        "The id shown by pim approvals, or a unique prefix of at least 8 characters of it; "
        + "several share the justification."

    /// `pim approve|deny REQUEST_ID... --justification TEXT`: every id is resolved before anything is
    /// decided (a typo or an ambiguous prefix stops the command with nothing sent); then each request is
    /// decided in turn, one result line each, and the exit code is the worst of them.
    static func decide(_ context: CommandContext, _ decision: ApprovalDecision) async throws -> Int32 {
        let typed = context.invocation.values(.approvalIds)
        let verb = decision == .approve ? "approve" : "deny"
        guard
            let justification = context.invocation.value(.justification).flatMap({ $0.isEmpty ? nil : $0 })
                ?? context.prompt("Justification")
        else {
            throw UsageError("pim \(verb) needs a justification: add --justification \"why\".", command: verb)
        }
        let service = try await context.service()
        let items = try await service.pendingApprovals()
        let resolved = try IdPrefixResolver.resolveAll(
            typed, among: items, ids: { [$0.id] + ($0.request.approvalId.map { [$0] } ?? []) }, command: verb)
        return try await eachId(resolved, key: \.id, context: context) { typedId, item in
            try await decideOne(typedId, item, decision, justification: justification, service: service, context)
        }
    }

    /// Decides one request; nil `item` is an id not waiting for me, explained by what became of it.
    static func decideOne(
        _ typedId: String, _ item: ApprovalItem?, _ decision: ApprovalDecision, justification: String,
        service: any PIMService, _ context: CommandContext
    ) async throws -> JSONValue? {
        guard let item else {
            // Decided, cancelled or expired since it was listed: say what became of it.
            if let outcome = await service.whyNotWaiting(requestId: typedId) { throw outcome }
            throw PIMError(
                .notFound, "No request waiting for your decision has id \(typedId): run pim approvals to see them.")
        }
        try await service.decide(item, decision, justification: justification)
        let request = item.request
        if context.json {
            var decided = request
            decided.status = decision == .approve ? .granted : .denied
            return JSONRows.request(
                decided, now: context.clock.now(),
                extra: [
                    ("decision", .string(decision.rawValue)),
                    ("decisionJustification", .string(justification)),
                ])
        }
        let done = decision == .approve ? "Approved" : "Denied"
        context.say(
            safeLines("\(done) request \(request.id): \(request.principal.label) for \(spoken(request.target))."))
        return nil
    }

    /// Runs `act` for every resolved id (a request named twice is acted on once). One id behaves as
    /// before: its failure is the command's. With several, each failure is reported on its own line and
    /// the next id goes on; the exit code is the worst — the highest — of the ids' codes, and JSON output
    /// is an array of the documents of the ids that succeeded.
    static func eachId<Item>(
        _ resolved: [(typed: String, item: Item?)], key: (Item) -> String, context: CommandContext,
        _ act: (String, Item?) async throws -> JSONValue?
    ) async throws -> Int32 {
        var seen = Set<String>()
        let unique = resolved.filter { entry in
            seen.insert(entry.item.map { "id:" + key($0) } ?? "typed:" + entry.typed.lowercased()).inserted
        }
        if unique.count == 1, let only = unique.first {
            if let document = try await act(only.typed, only.item) { context.print(document) }
            return 0
        }
        var worst: Int32 = 0
        var documents: [JSONValue] = []
        for entry in unique {
            do {
                if let document = try await act(entry.typed, entry.item) { documents.append(document) }
            } catch {
                worst = max(worst, CommandLineTool.report(error, console: context.console))
            }
        }
        if context.json { context.print(.array(documents)) }
        return worst
    }
}

extension JSONValue {
    /// One line, for streams of documents (`approvals --watch --output json`).
    static func compact(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { quote($0.0) + ":" + compact($0.1) }.joined(separator: ",") + "}"
        default:
            var text = value.rendered()
            text.removeLast()
            return text
        }
    }
}
