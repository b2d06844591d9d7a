import Foundation
import PIMDomain

/// Decides, before anything is sent, what `pim activate` does for each target: send a request,
/// nothing (already active long enough, or a request is already pending), or refuse with every
/// problem found. Pure, so each rule is tested without a service.
struct ActivationPlanner {
    /// What was typed, shared by every target.
    var draft: ActivationDraft
    /// `--duration` was given (a default duration never makes an active target "too short").
    var durationIsExplicit: Bool
    /// The configuration's default duration (else one hour), capped to each policy's maximum.
    var defaultDuration: ActivationDuration
    /// `--clamp`: cut a duration over the maximum instead of refusing.
    var clamp: Bool
    /// Where the user's clock times are read and written (a refused start names the eligibility's end).
    var timeZone: TimeZone = .current
    var rules: DraftRules
    var now: Date

    enum Step: Sendable {
        /// Send this request; `notices` say what was adjusted (clamped duration).
        case send(RoleEntry, ActivationRequest, notices: [String])
        /// Active until `until` (nil: permanently) with at least the asked time left: nothing to send.
        case alreadyActive(RoleEntry, until: Date?)
        /// A request for it already waits.
        case pending(RoleEntry, ElevationRequest)
        /// Cannot be sent, for these reasons (`sentence(for:)` words each with the flag that fixes it).
        case refused(RoleEntry, problems: [Problem])
    }

    /// Why a target cannot be sent, typed so that callers decide by case, never by a sentence's words.
    enum Problem: Hashable, Sendable {
        /// Active already with `remaining` left (nil: permanently), less than the `asked` duration; `word`
        /// is the TARGET that names it on the command line (`azure:Owner@Prod-Payments`).
        case activeTooShort(name: String, word: String, remaining: Double?, asked: String)
        /// Not eligible for the target at all.
        case notEligible(name: String)
        /// The draft breaks a rule of the policy or the service.
        case draft(DraftProblem)
    }

    func plan(_ entry: RoleEntry) -> Step {
        if let active = entry.active {
            let remaining = active.remaining(at: now)
            let asked = durationForEntry(entry).map(\.timeInterval) ?? 0
            if remaining == nil || !durationIsExplicit || remaining! >= asked - 60 {
                return .alreadyActive(entry, until: active.end)
            }
            let name = Sanitizer.sanitize(Commands.spoken(entry.target))
            let word = Sanitizer.sanitize(Commands.written(entry.target))
            // As pim writes durations (`1h30m`): one word, so the command can be pasted as is.
            let askedText =
                (try? ActivationDuration(parsing: draft.durationText).shortDescription) ?? "\"\(draft.durationText)\""
            return .refused(
                entry, problems: [.activeTooShort(name: name, word: word, remaining: remaining, asked: askedText)])
        }
        if let pending = entry.pendingRequest ?? entry.scheduledRequest { return .pending(entry, pending) }
        guard entry.eligibility != nil else {
            return .refused(entry, problems: [.notEligible(name: Sanitizer.sanitize(entry.target.displayName))])
        }
        if let problem = draft.startProblem(
            name: entry.target.displayName, eligibilityEnd: entry.eligibility?.end, timeZone: timeZone)
        {
            return .refused(entry, problems: [.draft(problem)])
        }
        var draft = self.draft
        var notices: [String] = []
        if !durationIsExplicit {
            draft.durationText = (entry.policy?.cappedDuration(defaultDuration) ?? defaultDuration).shortDescription
        } else if clamp, let max = entry.policy?.maxDuration, case .success(let asked) = draft.parsedDuration(),
            asked > max
        {
            draft.durationText = max.shortDescription
            notices.append(
                """
                \(entry.target.displayName) allows at most \(max.shortDescription): asking for \(max.shortDescription) \
                instead of \(asked.shortDescription) (--clamp).
                """
            )
        }
        switch draft.request(for: entry.target, policy: entry.policy, rules: rules, now: now) {
        case .success(let request):
            return .send(entry, request, notices: notices)
        case .failure(let problems):
            return .refused(entry, problems: problems.problems.map(Problem.draft))
        }
    }

    /// The sentence for one problem, naming the flag (or the command) that fixes it.
    func sentence(for problem: Problem) -> String {
        switch problem {
        case .activeTooShort(let name, let word, let remaining, let asked):
            return "\(name) is already active with \(Countdown.text(remaining: remaining)) left, less than the "
                + "\(asked) asked: run pim extend \"\(word)\" --duration \(asked)."
        case .notEligible(let name):
            return "You are not eligible for \(name): ask an administrator for an eligible assignment."
        case .draft(let problem):
            switch problem.reason {
            case .inThePast:
                return "The start time is in the past: leave --start out to start now, or give a later time."
            case .startAfterEligibilityEnd:
                return problem.sentence(namingStart: "--\(OptionSpec.start.name)")
            default: break
            }
            if case .tooLong = problem.reason, !clamp {
                return problem.message + " Or add --clamp to cut it to the maximum."
            }
            return problem.message + " Add \(Commands.flag(for: problem.field))."
        }
    }

    /// The duration this entry would be asked for.
    func durationForEntry(_ entry: RoleEntry) -> ActivationDuration? {
        if durationIsExplicit, case .success(let asked) = draft.parsedDuration() { return asked }
        return entry.policy?.cappedDuration(defaultDuration) ?? defaultDuration
    }
}
