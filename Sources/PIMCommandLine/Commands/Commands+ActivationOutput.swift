import Foundation
import PIMDomain

extension Commands {
    /// A target's name in a sentence: an Azure role's with the scope it is at ("Contributor at
    /// Prod-Payments"), since the same role is held at several; a role's or group's name alone.
    static func spoken(_ target: ElevationTarget) -> String {
        switch target.kind.family {
        case .azure: "\(target.displayName) at \(target.scopeLabel)"
        case .directoryRole, .group: target.displayName
        }
    }

    /// Prints the outcomes: sentences in table mode, one JSON object (or an array for several
    /// targets) in JSON mode.
    static func printOutcomes(_ outcomes: [ActivationOutcome], context: CommandContext, verb: String = "Activated") {
        let now = context.clock.now()
        if context.json {
            // extend: say whether the running activation was ended and requested anew (Graph's
            // selfActivate) or the assignment extended in place (selfExtend, selfRenew).
            let rows = outcomes.map { outcome in
                outcomeJSON(
                    outcome, now: now,
                    extra: verb == "Extended"
                        ? [("replaced", .bool(outcome.request?.action == .selfActivate))] : [])
            }
            context.print(rows.count == 1 ? rows[0] : .array(rows))
            return
        }
        for outcome in outcomes {
            let name = spoken(outcome.entry.target)
            switch outcome {
            case .alreadyActive(_, let until):
                let when =
                    until.map {
                        "until \(context.localTime($0)) (\(Countdown.text(remaining: $0.timeIntervalSince(now))) left)"
                    } ?? "permanently"
                context.say(safeLines("\(name) is already active \(when): nothing sent."))
            case .pending(_, let request):
                context.say(
                    safeLines(
                        """
                        A request for \(name) is already \(request.status.graphValue) (request \(request.id)): nothing \
                        sent. Cancel it with pim cancel \(request.id).
                        """
                    ))
            case .failed:
                break
            case .sent(_, let result):
                let request = result.request
                let status = request.status
                if status.isPending {
                    context.say(
                        safeLines(
                            """
                            Requested \(name): \(status.graphValue), waiting for approval (request \(request.id)). Run \
                            pim requests to follow it.
                            """
                        ))
                } else if status.isRefusal {
                    let sentence = DecisionWording.refused(request, name: name) { context.localTime($0) }
                    context.say(safeLines(sentence))
                } else if let start = request.start, start.timeIntervalSince(now) > 60 {
                    let until = request.expectedEnd(now: now).map { " until \(context.localTime($0))" } ?? ""
                    context.say(
                        safeLines(
                            """
                            Scheduled \(name) from \(context.localTime(start))\(until) (starts in \
                            \(Countdown.text(remaining: start.timeIntervalSince(now)))): \(status.graphValue) \
                            (request \(request.id)).
                            """
                        ))
                } else {
                    let end = request.expectedEnd(now: now)
                    let until =
                        end.map {
                            " until \(context.localTime($0)) (\(Countdown.text(remaining: $0.timeIntervalSince(now))))"
                        } ?? ""
                    context.say(safeLines("\(verb) \(name)\(until): \(status.graphValue) (request \(request.id))."))
                }
            }
        }
    }

    static func outcomeJSON(
        _ outcome: ActivationOutcome, now: Date, extra more: [(String, JSONValue)] = []
    ) -> JSONValue {
        let extra: [(String, JSONValue)] = [("outcome", .string(outcome.outcomeName))] + more
        switch outcome {
        case .sent(_, let result):
            return JSONRows.request(
                result.request, now: now,
                extra: extra + [("notices", .array(result.notices.map { .string($0) }))])
        case .pending(_, let request):
            return JSONRows.request(request, now: now, extra: extra + [("notices", .array([]))])
        case .alreadyActive(let entry, let until):
            var fields: [(String, JSONValue)] = [("id", .null), ("status", .string("Provisioned")), ("action", .null)]
            fields += JSONRows.targetFields(entry.target).filter { $0.0 != "id" }
            fields += [
                ("targetId", .string(entry.target.id.resourceId)), ("state", .string("active")),
                ("endDateTime", .date(until)),
            ]
            return .object(fields + extra + [("notices", .array([]))])
        case .failed(let entry, let error):
            var fields: [(String, JSONValue)] = [("id", .null), ("status", .string("Failed"))]
            fields += JSONRows.targetFields(entry.target).filter { $0.0 != "id" }
            fields += [
                ("targetId", .string(entry.target.id.resourceId)),
                ("error", .string(ErrorWording.sentence(error))),
            ]
            return .object(fields + extra)
        }
    }

    /// `--wait`: polls my requests until each pending one is decided, with progress on stderr when
    /// it is a terminal. Gives up when the 24-hour approval window has passed.
    static func waitForDecisions(
        _ outcomes: [ActivationOutcome], service: any PIMService,
        context: CommandContext
    ) async throws -> [ActivationOutcome] {
        var outcomes = outcomes
        let started = context.clock.now()
        let interval = min(context.settings.configuration.refreshInterval ?? 5, 30)
        let notifier = context.desktopNotifier()
        while outcomes.contains(where: { $0.request?.status.isPending == true }) {
            let waited = context.clock.now().timeIntervalSince(started)
            if waited > ServiceLimits.approvalWindow {
                throw Refusal(
                    "No decision within the 24-hour approval window: the request expires; run pim requests.",
                    code: .failure)
            }
            if context.console.stderrIsTerminal {
                let names = outcomes.filter { $0.request?.status.isPending == true }
                    .map { Sanitizer.sanitize($0.entry.target.displayName) }.joined(separator: ", ")
                context.console.writeErr("\r\u{1B}[KWaiting for approval of \(names) (\(Countdown.elapsed(waited)))…")
            }
            try await context.clock.sleep(interval)
            let mine = try await service.myRequests()
            for index in outcomes.indices {
                guard let request = outcomes[index].request, request.status.isPending,
                    let fresh = mine.first(where: { $0.id == request.id })
                else { continue }
                if !fresh.status.isPending { context.send(.decided(fresh, naming: spoken), through: notifier) }
                switch outcomes[index] {
                case .sent(let entry, let result):
                    outcomes[index] = .sent(entry, ActivationResult(request: fresh, notices: result.notices))
                case .pending(let entry, _):
                    outcomes[index] = .pending(entry, fresh)
                default: break
                }
            }
        }
        if context.console.stderrIsTerminal { context.console.writeErr("\r\u{1B}[K") }
        return outcomes
    }
}
