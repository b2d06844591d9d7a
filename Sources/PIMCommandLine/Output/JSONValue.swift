import Foundation
import PIMDomain

/// A JSON document with keys in a fixed order, so `--output json` is stable byte for byte and
/// `null` is written where a value is absent (Codable would drop the key instead).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// An optional string: the string or null.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// An ISO 8601 date (UTC, seconds) or null.
    public static func date(_ value: Date?) -> JSONValue {
        value.map { .string(ISO8601.format($0)) } ?? .null
    }

    /// Pretty-printed with two spaces, a newline at the end.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            out +=
                value.isFinite
                ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null"
        case .string(let value): out += Self.quote(value)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += closing + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += pad + Self.quote(key) + ": "
                value.write(into: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += closing + "}"
        }
    }

    /// JSON string escaping; control characters become \u escapes, so a service string cannot
    /// smuggle a terminal escape through `--output json` either.
    static func quote(_ text: String) -> String {
        var out = ""
        JSONStringLiteral.append(text, to: &out) { needsEscape($0.value) }
        return out
    }
}

extension JSONValue {
    /// Controls, and the invisible or reordering characters the sanitiser makes visible (bidi
    /// overrides, zero-width, tags): escaped, so the data stays exact once parsed but printing the
    /// document raw cannot reorder or hide text on a terminal.
    static func needsEscape(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F,
            0xFEFF, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return true
        default:
            return false
        }
    }
}

/// ISO 8601 in UTC with whole seconds: `2026-01-06T08:00:00Z`.
enum ISO8601 {
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
