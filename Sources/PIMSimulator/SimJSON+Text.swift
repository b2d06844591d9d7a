import Foundation
import PIMDomain

/// Why a body was not JSON; the tenant answers such bodies with a 400, as the service does.
public struct SimJSONError: Error, Equatable, Sendable {
    public var message: String
    public var offset: Int
}

extension SimJSON {
    /// Parses UTF-8 JSON text (RFC 8259; duplicate keys keep the first occurrence on lookup).
    public static func parse(_ data: Data) throws(SimJSONError) -> SimJSON {
        var parser = Parser(bytes: [UInt8](data))
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == parser.bytes.count else {
            throw SimJSONError(message: "Unexpected text after the JSON value.", offset: parser.index)
        }
        return value
    }

    public static func parse(_ text: String) throws(SimJSONError) -> SimJSON { try parse(Data(text.utf8)) }

    /// Compact JSON text.
    public var text: String { String(decoding: utf8Bytes, as: UTF8.self) }

    public var data: Data { Data(utf8Bytes) }

    /// The compact text's UTF-8 bytes. Written as bytes, not by appending to a `String`: every answer
    /// of the tenant is written this way, and a demo start writes hundreds of kilobytes.
    var utf8Bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(n):
            if n.rounded() == n, abs(n) < 9e15 {
                Self.writeInteger(Int(n), into: &out)
            } else {
                out.append(contentsOf: String(n).utf8)
            }
        case let .string(s): Self.writeString(s, into: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// How many bytes `utf8Bytes` has, counted without writing them (ARM's `/batch` states each answer's length).
    var utf8Count: Int {
        switch self {
        case .null: return 4
        case let .bool(b): return b ? 4 : 5
        case let .number(n):
            guard n.rounded() == n, abs(n) < 9e15 else { return String(n).utf8.count }
            var magnitude = Int(n).magnitude
            var digits = n < 0 ? 2 : 1
            while magnitude >= 10 {
                magnitude /= 10
                digits += 1
            }
            return digits
        case let .string(s): return Self.stringCount(s)
        case let .array(items): return items.reduce(1 + max(items.count, 1)) { $0 + $1.utf8Count }
        case let .object(members):
            return members.reduce(1 + max(members.count, 1)) { $0 + Self.stringCount($1.0) + 1 + $1.1.utf8Count }
        }
    }

    private static func stringCount(_ s: String) -> Int {
        var plain = s
        if plain.withUTF8({ bytes in !bytes.contains(where: needsEscape) }) { return s.utf8.count + 2 }
        return escapedLiteral(s).utf8.count
    }

    /// A byte a JSON string cannot hold as it is: a control, `"`, `\`, or DEL (escaped as the service does).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    /// The quoted literal of a string that needs escapes: controls as \u escapes, everything else as it is,
    /// as the service writes it.
    private static func escapedLiteral(_ s: String) -> String {
        var escaped = ""
        JSONStringLiteral.append(s, to: &escaped) { $0.value < 0x20 || $0.value == 0x7F }
        return escaped
    }

    /// Decimal digits, as `String(Int)` writes them.
    private static func writeInteger(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[start...].reverse()
    }

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        // Most strings (ids, names, dates) need no escape: append their bytes whole.
        var plain = s
        let clean = plain.withUTF8 { bytes in
            if bytes.contains(where: needsEscape) { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if clean { return }
        out.append(contentsOf: escapedLiteral(s).utf8)
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func fail(_ message: String) -> SimJSONError { SimJSONError(message: message, offset: index) }

        mutating func value(depth: Int) throws(SimJSONError) -> SimJSON {
            guard depth < 200 else { throw fail("JSON nested too deeply.") }
            guard index < bytes.count else { throw fail("Unexpected end of JSON.") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func literal(_ word: String) throws(SimJSONError) {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
                throw fail("Invalid literal.")
            }
            index += w.count
        }

        mutating func object(depth: Int) throws(SimJSONError) -> SimJSON {
            index += 1
            var members: [(String, SimJSON)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw fail("Expected a member name.")
                }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("Expected ':'.") }
                index += 1
                skipSpace()
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard index < bytes.count else { throw fail("Unterminated object.") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw fail("Expected ',' or '}'.")
            }
        }

        mutating func array(depth: Int) throws(SimJSONError) -> SimJSON {
            index += 1
            var items: [SimJSON] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw fail("Unterminated array.") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw fail("Expected ',' or ']'.")
            }
        }

        mutating func hex4() throws(SimJSONError) -> UInt32 {
            guard index + 4 <= bytes.count,
                let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw fail("Invalid \\u escape.") }
            index += 4
            return v
        }

        mutating func string() throws(SimJSONError) -> String {
            index += 1
            var raw: [UInt8] = []
            while true {
                guard index < bytes.count else { throw fail("Unterminated string.") }
                let b = bytes[index]
                index += 1
                if b == UInt8(ascii: "\"") { break }
                if b < 0x20 { throw fail("Control character in string.") }
                guard b == UInt8(ascii: "\\") else { raw.append(b); continue }
                guard index < bytes.count else { throw fail("Unterminated escape.") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): raw.append(e)
                case UInt8(ascii: "b"): raw.append(0x08)
                case UInt8(ascii: "f"): raw.append(0x0C)
                case UInt8(ascii: "n"): raw.append(0x0A)
                case UInt8(ascii: "r"): raw.append(0x0D)
                case UInt8(ascii: "t"): raw.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), index + 6 <= bytes.count,
                        bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    raw.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw fail("Invalid escape.")
                }
            }
            guard let s = String(validating: raw, as: UTF8.self) else { throw fail("Invalid UTF-8 in string.") }
            return s
        }

        mutating func number() throws(SimJSONError) -> SimJSON {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
                    || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")]
                        .contains(bytes[index])
            {
                index += 1
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !text.isEmpty, let n = Double(text), text.first != "+", text.first != "." else {
                index = start
                throw fail("Invalid JSON value.")
            }
            return .number(n)
        }
    }
}
