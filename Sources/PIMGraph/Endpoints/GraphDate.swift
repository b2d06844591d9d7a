import Foundation

/// Graph's date-times: ISO 8601 UTC, with 0 to 7 fractional digits on the way in
/// (`2026-01-06T08:00:47.1234567Z`), sometimes without a zone (`2026-01-06T08:00:01`), and
/// whole seconds with `Z` on the way out.
enum GraphDate {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return date }
        // No zone (dateTimeTimeZone, innerError.date): Graph means UTC.
        if !trimmed.hasSuffix("Z"), !trimmed.contains("+") {
            return parse(trimmed + "Z")
        }
        return nil
    }

    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { dec in
            let container = try dec.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Not a Graph date-time: \(text)")
            }
            return date
        }
        return decoder
    }
}
