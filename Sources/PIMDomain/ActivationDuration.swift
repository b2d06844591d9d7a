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

    /// The service refuses activations shorter than five minutes.
    public static let serviceMinimum = ActivationDuration.minutes(5)

    public var timeInterval: Double { Double(seconds) }

    public static func < (a: ActivationDuration, b: ActivationDuration) -> Bool { a.seconds < b.seconds }

    /// ISO 8601 as Graph expects it: `PT8H`, `PT1H30M`, `P1D`, `P1DT2H`.
    public var iso8601: String {
        if seconds == 0 { return "PT0S" }
        let days = seconds / 86_400
        let hours = (seconds % 86_400) / 3600
        let minutes = (seconds % 3600) / 60
        let secs = seconds % 60
        var text = "P"
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 || secs > 0 {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
            if secs > 0 { text += "\(secs)S" }
        }
        return text
    }

    /// The short human form, as typed on the command line: `8h`, `1h30m`, `90s`, `1d2h`.
    public var shortDescription: String {
        if seconds == 0 { return "0m" }
        let days = seconds / 86_400
        let hours = (seconds % 86_400) / 3600
        let minutes = (seconds % 3600) / 60
        let secs = seconds % 60
        var text = ""
        if days > 0 { text += "\(days)d" }
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if secs > 0 { text += "\(secs)s" }
        return text
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
