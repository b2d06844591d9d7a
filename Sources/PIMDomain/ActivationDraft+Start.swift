import Foundation

/// The rules for when an activation begins, shared by the command line's `--start` and the form's
/// Start field: the text is read by `ActivationStart`, and the start must fall before the eligibility ends.
extension ActivationDraft {
    /// This draft with `startText` read into `start` at `now` (an empty text leaves `start` as it is), or
    /// the problem that stops it.
    public func resolvingStart(now: Date, timeZone: TimeZone) -> Result<ActivationDraft, DraftProblem> {
        var resolved = self
        do throws(StartParseError) {
            if let instant = try ActivationStart.parse(startText, now: now, timeZone: timeZone) {
                resolved.start = instant
            }
            return .success(resolved)
        } catch {
            return .failure(DraftProblem(field: .start, reason: .unreadableStart(error.message)))
        }
    }

    /// The problem with this draft's start against an eligibility for `name` that ends at
    /// `eligibilityEnd` (nil: never ends): a start at or after that end cannot be granted.
    public func startProblem(name: String, eligibilityEnd: Date?, timeZone: TimeZone) -> DraftProblem? {
        guard let start, let end = eligibilityEnd, start >= end else { return nil }
        return DraftProblem(
            field: .start,
            reason: .startAfterEligibilityEnd(
                name: Sanitizer.sanitize(name), end: ActivationStart.clockText(end, timeZone: timeZone)))
    }
}

extension ActivationStart {
    /// `Tue 8 Dec 14:05` in `timeZone`: how a start or an end is named in a sentence.
    public static func clockText(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE d MMM HH:mm"
        return formatter.string(from: date)
    }
}
