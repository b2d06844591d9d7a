import Foundation
import PIMDomain
import PIMTables

extension OptionSpec {
    /// `pim history --mine-as-approver`.
    static let mineAsApprover = OptionSpec(
        "mine-as-approver", help: "The requests I approved or denied, and why.")
}

extension Commands {
    /// `pim history --mine-as-approver [--since D]`: the requests I decided, newest decision first.
    static func myDecisions(_ context: CommandContext) async throws -> Int32 {
        if context.invocation.has(.tenantWide) {
            throw UsageError("--mine-as-approver lists your own decisions: leave out --all.")
        }
        let since = try context.durationOption(.since)
        let service = try await context.service()
        guard let source = service as? any DecisionHistory else {
            throw PIMError(.other, "This service cannot list the requests you decided.")
        }
        let now = context.clock.now()
        var decided = try await source.myDecisions()
        if let since {
            let start = now.addingTimeInterval(-since.timeInterval)
            decided = decided.filter { ($0.review?.reviewedAt ?? .distantPast) >= start }
        }
        if context.json {
            context.print(.array(decided.map { decisionRow($0, now: now) }))
            return 0
        }
        if decided.isEmpty {
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
