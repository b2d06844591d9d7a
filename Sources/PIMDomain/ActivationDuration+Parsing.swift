import Foundation

/// Why a typed duration was not understood, as a sentence that says what to type instead.
public struct DurationParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension ActivationDuration {
    static let examples = "write it like 90m, 1h30m, 2h, 1d or PT1H30M"

    /// Parses ISO 8601 (`PT8H`, `PT1H30M`, `P1D`, `P1DT2H`) and the human forms (`90m`, `1h30m`,
    /// `2h`, `1d`, `45s`). Case-insensitive, surrounding spaces ignored. A bare number is refused:
    /// "8" could mean minutes or hours, and guessing wrong on an elevation matters.
    public init(parsing raw: String) throws(DurationParseError) {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard !text.isEmpty else { throw DurationParseError("The duration is empty: \(Self.examples).") }
        if text.hasPrefix("-") {
            throw DurationParseError("The duration \"\(raw)\" is negative: \(Self.examples).")
        }
        if text.hasPrefix("P") {
            self = try Self.parseISO(text, raw: raw)
        } else {
            self = try Self.parseHuman(text, raw: raw)
        }
    }

    private static let limit = 10 * 365 * 86_400

    /// Adds `value` units of `seconds` each to `total`, both forms' one step. Checked before
    /// multiplying: a long digit run must be refused, not overflow.
    private static func add(
        _ value: Int, of seconds: Int, to total: inout Int,
        raw: String
    ) throws(DurationParseError) {
        guard value <= limit / seconds else { throw tooLong(raw) }
        total += value * seconds
        guard total <= limit else { throw tooLong(raw) }
    }

    private static func parseISO(_ text: String, raw: String) throws(DurationParseError) -> ActivationDuration {
        var total = 0
        var number = ""
        var inTime = false
        var sawComponent = false
        var lastUnitRank = -1
        for ch in text.dropFirst() {
            if ch.isASCII, ch.isNumber {
                number.append(ch)
                continue
            }
            if ch == "T" {
                guard !inTime, number.isEmpty else { throw isoError(raw) }
                inTime = true
                continue
            }
            let unit: (rank: Int, seconds: Int)
            switch (ch, inTime) {
            case ("W", false): unit = (0, 7 * 86_400)
            case ("D", false): unit = (1, 86_400)
            case ("H", true): unit = (2, 3600)
            case ("M", true): unit = (3, 60)
            case ("S", true): unit = (4, 1)
            default: throw isoError(raw)
            }
            guard let value = Int(number), unit.rank > lastUnitRank else { throw isoError(raw) }
            lastUnitRank = unit.rank
            try add(value, of: unit.seconds, to: &total, raw: raw)
            number = ""
            sawComponent = true
        }
        guard number.isEmpty, sawComponent else { throw isoError(raw) }
        if inTime, lastUnitRank < 2 { throw isoError(raw) }
        return ActivationDuration(seconds: total)
    }

    private static func parseHuman(_ text: String, raw: String) throws(DurationParseError) -> ActivationDuration {
        var total = 0
        var number = ""
        var lastUnitRank = -1
        var sawComponent = false
        for ch in text where ch != " " {
            if ch.isASCII, ch.isNumber {
                number.append(ch)
                continue
            }
            let unit: (rank: Int, seconds: Int)
            switch ch {
            case "D": unit = (0, 86_400)
            case "H": unit = (1, 3600)
            case "M": unit = (2, 60)
            case "S": unit = (3, 1)
            default: throw DurationParseError("\"\(raw)\" is not a duration: \(examples).")
            }
            guard let value = Int(number) else {
                if !number.isEmpty { throw tooLong(raw) }
                throw DurationParseError("\"\(raw)\" has a unit without a number: \(examples).")
            }
            guard unit.rank > lastUnitRank else {
                throw DurationParseError("\"\(raw)\" repeats or misorders its units: \(examples).")
            }
            lastUnitRank = unit.rank
            try add(value, of: unit.seconds, to: &total, raw: raw)
            number = ""
            sawComponent = true
        }
        if !number.isEmpty {
            throw DurationParseError("\"\(raw)\" has no unit: write \(number)m for minutes or \(number)h for hours.")
        }
        guard sawComponent else { throw DurationParseError("\"\(raw)\" is not a duration: \(examples).") }
        return ActivationDuration(seconds: total)
    }

    private static func isoError(_ raw: String) -> DurationParseError {
        DurationParseError("\"\(raw)\" is not a valid ISO 8601 duration: \(examples).")
    }

    private static func tooLong(_ raw: String) -> DurationParseError {
        // Also read for look-back windows (`history --since`), so it names no activation rule.
        DurationParseError(
            "\"\(raw)\" is more than ten years, the longest duration pim reads: write hours or days, e.g. 8h or 30d.")
    }
}
