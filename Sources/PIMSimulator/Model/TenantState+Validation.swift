import Foundation

/// A state file can decode and still hold values no tenant writes (a date ten billion years away, a
/// negative duration): date formatting and arithmetic on them trap. Such a file is treated like a
/// corrupt one, so every value is checked once when the file is read.
extension TenantState {
    /// Dates the tenant can format and add days to: years 1900 to 9000.
    static let plausibleDates =
        Date(timeIntervalSince1970: -2_208_988_800)...Date(timeIntervalSince1970: 221_845_392_000)
    /// Durations of at most a hundred years, never negative.
    static let plausibleSeconds = 0...(100 * 366 * 86_400)

    /// The first field holding an impossible value (`assignments[2].end`), nil when every value is possible.
    func impossibleField() -> String? {
        var problem: String?
        func date(_ value: Date?, _ name: @autoclosure () -> String) {
            guard problem == nil, let value else { return }
            if !value.timeIntervalSinceReferenceDate.isFinite || !Self.plausibleDates.contains(value) {
                problem = name()
            }
        }
        func seconds(_ value: Int?, _ name: @autoclosure () -> String) {
            guard problem == nil, let value else { return }
            if !Self.plausibleSeconds.contains(value) { problem = name() }
        }
        date(seededAt, "seededAt")
        if scale < 0 { return "scale" }
        for (i, p) in policies.enumerated() {
            seconds(p.maximumDurationSeconds, "policies[\(i)].maximumDurationSeconds")
        }
        for (i, e) in eligibilities.enumerated() {
            date(e.start, "eligibilities[\(i)].start")
            date(e.end, "eligibilities[\(i)].end")
        }
        for (list, name) in [(assignments, "assignments"), (expiredAssignments, "expiredAssignments")] {
            for (i, a) in list.enumerated() {
                date(a.start, "\(name)[\(i)].start")
                date(a.end, "\(name)[\(i)].end")
            }
        }
        for (i, r) in requests.enumerated() {
            date(r.created, "requests[\(i)].created")
            date(r.completed, "requests[\(i)].completed")
            date(r.scheduleStart, "requests[\(i)].scheduleStart")
            date(r.scheduleEnd, "requests[\(i)].scheduleEnd")
            seconds(r.durationSeconds, "requests[\(i)].durationSeconds")
            date(r.approval?.reviewedDateTime, "requests[\(i)].approval.reviewedDateTime")
        }
        for (i, record) in audit.enumerated() { date(record.date, "audit[\(i)].date") }
        for (name, value) in azure.dates() { date(value, "azure.\(name)") }
        for (i, p) in azure.policies.enumerated() {
            seconds(p.maximumDurationSeconds, "azure.policies[\(i)].maximumDurationSeconds")
        }
        return problem
    }
}
