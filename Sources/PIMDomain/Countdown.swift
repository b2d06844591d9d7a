/// How close an elevation is to its end, for colouring. Thresholds live here and nowhere else.
public enum Urgency: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case plenty, soon, imminent, expired

    /// Under an hour left: worth noticing.
    public static let soonThreshold: Double = 60 * 60
    /// Ten minutes or less: the first expiry warning fires here.
    public static let imminentThreshold: Double = 10 * 60
    /// The second, last-chance warning.
    public static let finalWarningThreshold: Double = 2 * 60

    /// Urgency for `remaining` seconds; nil (no end) is never urgent.
    public init(remaining: Double?) {
        guard let remaining else { self = .plenty; return }
        if remaining <= 0 {
            self = .expired
        } else if remaining <= Self.imminentThreshold {
            self = .imminent
        } else if remaining <= Self.soonThreshold {
            self = .soon
        } else {
            self = .plenty
        }
    }

    public static func < (a: Urgency, b: Urgency) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Text of a live countdown: "2d 3h", "7h 59m", "4m 05s", "expired"; "permanent" without an end.
public enum Countdown {
    public static func text(remaining: Double?) -> String {
        guard let remaining else { return "permanent" }
        guard remaining > 0 else { return "expired" }
        let total = Int(remaining.rounded(.up))
        let days = total / 86_400
        let hours = (total % 86_400) / 3600
        let minutes = (total % 3600) / 60
        let seconds = total % 60
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(pad(minutes))m" }
        return "\(minutes)m \(pad(seconds))s"
    }

    /// Elapsed time, for "waited": "3m", "2h 05m", "1d 4h".
    public static func elapsed(_ seconds: Double) -> String {
        let total = max(0, Int(seconds))
        let days = total / 86_400
        let hours = (total % 86_400) / 3600
        let minutes = (total % 3600) / 60
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(pad(minutes))m" }
        return "\(minutes)m"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
