import Foundation
import PIMDomain

extension OptionSpec {
    static let historyUser = OptionSpec(
        "user", value: "NAME",
        help: "Only events initiated by a user whose name or UPN contains NAME (any case).")
    static let historyTarget = OptionSpec(
        "target", value: "NAME", help: "Only events on a role, group or Azure role whose name contains NAME (any case)."
    )
    static let until = OptionSpec(
        "until", value: "WHEN",
        help: "Only events up to WHEN: a date (2026-11-20, the whole day, UTC), an ISO 8601 time, or a DURATION ago.")
    static let limit = OptionSpec("limit", value: "N", help: "At most N events, the newest.")
}

/// What `pim history` keeps of the audit log: a time window, a user, a target and a count. Pure:
/// built from what was typed (a malformed value is a usage error) and applied to the events.
struct HistoryFilter: Sendable {
    var since: Date?
    var until: Date?
    /// Lowercased; matched as a substring of the initiator's display name, UPN or id.
    var user: String?
    /// Lowercased; matched as a substring of the target's name.
    var target: String?
    var limit: Int?

    /// Reads `--since`, `--until`, `--user`, `--target` and `--limit` relative to `now`.
    init(_ invocation: Invocation, now: Date) throws(UsageError) {
        let command = invocation.command.name
        if let text = invocation.value(.since) {
            since = now.addingTimeInterval(-(try Self.duration(text, option: .since, command: command)))
        }
        if let text = invocation.value(.until) {
            until = try Self.instant(text, now: now, command: command)
        }
        if let since, let until, until < since {
            throw UsageError("--until must not be before --since: nothing could match.", command: command)
        }
        user = invocation.value(.historyUser).map { $0.lowercased() }
        target = invocation.value(.historyTarget).map { $0.lowercased() }
        if let text = invocation.value(.limit) {
            guard let number = Int(text), number > 0 else {
                throw UsageError("--limit: \"\(text)\" is not a whole number above 0.", command: command)
            }
            limit = number
        }
    }

    /// The events that pass, newest first, at most `limit`.
    func apply(_ events: [AuditEvent]) -> [AuditEvent] {
        let kept = events.filter(matches).sorted { $0.date > $1.date }
        return limit.map { Array(kept.prefix($0)) } ?? kept
    }

    func matches(_ event: AuditEvent) -> Bool {
        if let since, event.date < since { return false }
        if let until, event.date > until { return false }
        if let user, !Self.person(event.initiatedBy, matches: user) { return false }
        if let target, event.targetName?.lowercased().contains(target) != true { return false }
        return true
    }

    /// The requests I decided that pass (`--mine-as-approver`): the window by when I decided, `--user` by
    /// who asked, `--target` by what for; they come newest decision first, at most `limit`.
    func apply(decisions: [ElevationRequest]) -> [ElevationRequest] {
        let kept = decisions.filter { request in
            let decided = request.review?.reviewedAt ?? .distantPast
            if let since, decided < since { return false }
            if let until, decided > until { return false }
            if let user, !Self.person(request.principal, matches: user) { return false }
            if let target, !request.target.displayName.lowercased().contains(target) { return false }
            return true
        }
        return limit.map { Array(kept.prefix($0)) } ?? kept
    }

    /// Whether `user` (lowercased) is part of the person's display name, UPN or id.
    static func person(_ person: Principal?, matches user: String) -> Bool {
        [person?.displayName, person?.userPrincipalName, person?.id].contains {
            $0?.lowercased().contains(user) == true
        }
    }

    /// A `--user` or `--target` that names no one and nothing among all the events read (whatever the
    /// time window kept) is most likely mistyped: the sentence that says so, naming some that exist.
    func unknownName(in events: [AuditEvent], window: String) -> String? {
        if let user {
            let people = events.compactMap(\.initiatedBy)
            if !people.contains(where: { Self.person($0, matches: user) }) {
                return Self.notFound(
                    "No one whose name or UPN contains \"\(user)\" acted \(window)",
                    examples: people.compactMap { $0.displayName ?? $0.userPrincipalName }, option: "--user")
            }
        }
        if let target, !events.contains(where: { $0.targetName?.lowercased().contains(target) == true }) {
            return Self.notFound(
                "No role, group or Azure role whose name contains \"\(target)\" appears \(window)",
                examples: events.compactMap(\.targetName), option: "--target")
        }
        return nil
    }

    private static func notFound(_ lead: String, examples: [String], option: String) -> String {
        var seen = Set<String>()
        let names = examples.filter { seen.insert($0).inserted }.sorted().prefix(5)
            .map { "\"\(Sanitizer.sanitize($0))\"" }
        let some = names.isEmpty ? "" : " (there are \(names.joined(separator: ", ")))"
        return "\(Sanitizer.sanitize(lead))\(some): check \(option), or widen --since."
    }

    /// The filters given, as typed, for the sentence an empty result prints.
    static func described(_ invocation: Invocation) -> [String] {
        [OptionSpec.since, .until, .historyUser, .historyTarget].compactMap { option in
            invocation.value(option).map { "--\(option.name) \($0)" }
        }
    }

    private static func duration(
        _ text: String, option: OptionSpec, command: String
    ) throws(UsageError)
        -> TimeInterval
    {
        do throws(DurationParseError) { return try ActivationDuration(parsing: text).timeInterval } catch {
            throw UsageError("--\(option.name): \(error.message)", command: command)
        }
    }

    /// `2026-11-20` (up to the end of that UTC day), an ISO 8601 time, or a duration before `now`.
    static func instant(_ text: String, now: Date, command: String) throws(UsageError) -> Date {
        do throws(HistoryTime.ParseError) { return try HistoryTime.parse(text, now: now, edge: .until) } catch {
            throw UsageError("--until: \(error.message)", command: command)
        }
    }
}
