import Foundation
import PIMDomain
import PIMTables

extension OptionSpec {
    /// `pim history --mine-as-approver`.
    static let mineAsApprover = OptionSpec(
        "mine-as-approver",
        help: "The requests I approved or denied, and why (--user and --target narrow them by requester and target).")
}

extension Commands {
    /// `pim history --mine-as-approver [--since D] [--until WHEN] [--user NAME] [--target NAME] [--limit N]`:
    /// the requests I decided, newest decision first; `--user` names the requester.
    static func myDecisions(_ context: CommandContext) async throws -> Int32 {
        if context.invocation.has(.tenantWide) {
            throw UsageError("--mine-as-approver lists your own decisions: leave out --all.")
        }
        let since = try context.durationOption(.since)
        let now = context.clock.now()
        let filter = try HistoryFilter(context.invocation, now: now)
        let service = try await context.service()
        guard let source = service as? any DecisionHistory else {
            throw PIMError(.other, "This service cannot list the requests you decided.")
        }
        let decided = filter.apply(decisions: try await source.myDecisions())
        if context.json {
            context.print(.array(decided.map { decisionRow($0, now: now) }))
            return 0
        }
        if decided.isEmpty {
            let narrowing = HistoryFilter.described(context.invocation).filter { !$0.hasPrefix("--since") }
            guard narrowing.isEmpty else {
                context.say("None of your decisions matches \(narrowing.joined(separator: " ")).")
                return 0
            }
            context.say("You decided no requests\(since.map { " in the last \($0.shortDescription)" } ?? "").")
            return 0
        }
        context.print(Table(Tables.myDecisions, rows: decided, context: context.columns))
        return 0
    }

    /// A decided request as in `pim requests`, with `requester` and `decision` (`Approve`, `Deny`) as
    /// `pim approve` / `pim deny` print them.
    static func decisionRow(_ request: ElevationRequest, now: Date) -> JSONValue {
        let decision = request.review?.result == .denied ? ApprovalDecision.deny : .approve
        return JSONRows.request(
            request, now: now,
            extra: [
                ("requester", JSONRows.principal(request.principal)), ("decision", .string(decision.rawValue)),
            ])
    }
}
