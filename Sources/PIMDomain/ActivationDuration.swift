/// How long an elevation lasts, in whole seconds.
///
/// Named `ActivationDuration` so it never shadows `Swift.Duration`. Graph speaks ISO 8601
/// (`PT8H`); people type `90m` or `1h30m`. Both forms parse and print here.
public struct ActivationDuration: Hashable, Comparable, Sendable, Codable {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public static func minutes(_ m: Int) -> ActivationDuration { .init(seconds: m * 60) }
    public static func hours(_ h: Int) -> ActivationDuration { .init(seconds: h * 3600) }
    public static func days(_ d: Int) -> ActivationDuration { .init(seconds: d * 86_400) }

    public var timeInterval: Double { Double(seconds) }

    public static func < (a: ActivationDuration, b: ActivationDuration) -> Bool { a.seconds < b.seconds }

    /// Days, hours, minutes and seconds, the largest unit first.
    private var parts: (days: Int, hours: Int, minutes: Int, seconds: Int) {
        (seconds / 86_400, (seconds % 86_400) / 3600, (seconds % 3600) / 60, seconds % 60)
    }

    /// ISO 8601 as Graph expects it: `PT8H`, `PT1H30M`, `P1D`, `P1DT2H`.
    public var iso8601: String {
        if seconds == 0 { return "PT0S" }
        let p = parts
        var text = "P" + (p.days > 0 ? "\(p.days)D" : "")
        if p.hours > 0 || p.minutes > 0 || p.seconds > 0 {
            text += "T" + Self.units([(p.hours, "H"), (p.minutes, "M"), (p.seconds, "S")])
        }
        return text
    }

    /// The short human form, as typed on the command line: `8h`, `1h30m`, `90s`, `1d2h`.
    public var shortDescription: String {
        if seconds == 0 { return "0m" }
        let p = parts
        return Self.units([(p.days, "d"), (p.hours, "h"), (p.minutes, "m"), (p.seconds, "s")])
    }

    /// "1h30m" from [(1, "h"), (30, "m")], leaving out zero units.
    private static func units(_ values: [(Int, String)]) -> String {
        values.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try ActivationDuration(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }
}
