import Foundation
import PIMDomain

/// What a cell needs besides its row: the time countdowns count from, how each front writes a
/// time, and the full screen's busy markers. Built once per frame or per command, not per cell.
public struct ColumnContext: Sendable {
    public var now: Date
    /// A clock time (`12:05Z` on screen, local `14:05` on the command line); a dash for none.
    public var time: @Sendable (Date?) -> String
    /// A date and time (`2026-11-23 12:05Z` on screen, local `Tue 24 Nov 14:05` on the command line).
    public var dateTime: @Sendable (Date?) -> String
    /// What the interface is doing to a target right now ("activating…"), shown in place of its state.
    public var busy: [TargetID: String]

    public init(
        now: Date, time: @escaping @Sendable (Date?) -> String,
        dateTime: @escaping @Sendable (Date?) -> String, busy: [TargetID: String] = [:]
    ) {
        self.now = now
        self.time = time
        self.dateTime = dateTime
        self.busy = busy
    }
}
