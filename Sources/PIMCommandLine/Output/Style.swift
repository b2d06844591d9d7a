import PIMDomain

/// The few styles the command line uses, as SGR sequences. Applied only when colour is on.
public enum Style: String, Sendable, Hashable {
    case plain = ""
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case cyan = "36"
    case boldRed = "1;31"

    /// `text` wrapped in the style when `enabled`.
    public func apply(_ text: String, enabled: Bool) -> String {
        guard enabled, self != .plain, !text.isEmpty else { return text }
        return "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
    }

    /// The colour of a countdown, following the domain's urgency thresholds.
    public static func urgency(_ urgency: Urgency) -> Style {
        switch urgency {
        case .plenty: .green
        case .soon: .yellow
        case .imminent, .expired: .boldRed
        }
    }
}
