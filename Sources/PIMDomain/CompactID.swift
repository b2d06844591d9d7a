/// An id from the service, kept in 16 bytes when it is a GUID written the way Graph writes them
/// (`62e90394-69f5-4237-9190-012177145e10`, lowercase), alone or after a known prefix
/// (`/administrativeUnits/…`), and as the text itself otherwise.
///
/// A 50,000-row tenant stores an instance id, a request id and an administrative unit's scope per
/// row: as strings, each is a heap allocation of 80 to 96 bytes. Only the exact lowercase form is
/// packed, so `text` always gives back the very characters the id was made from (an uppercase GUID,
/// an audit id or an ARM id stays text), and two ids are equal exactly when their texts are.
public struct CompactID: Hashable, Sendable, Codable, CustomStringConvertible {
    private enum Storage: Hashable, Sendable {
        /// The GUID's 32 hex digits as two numbers, after `prefixes[prefix]`.
        case guid(high: UInt64, low: UInt64, prefix: UInt8)
        case text(String)
    }

    /// Texts that come before a GUID often enough to be worth packing.
    private static let prefixes: [[UInt8]] = [[], Array("/administrativeUnits/".utf8)]
    /// Where the dashes are in a GUID's 36 characters.
    private static let dashes: Set<Int> = [8, 13, 18, 23]
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private let storage: Storage

    public init(_ text: String) {
        storage = Self.packed(text) ?? .text(text)
    }

    public var text: String {
        switch storage {
        case .text(let text): return text
        case .guid(let high, let low, let prefix):
            return Self.render(high: high, low: low, prefix: Self.prefixes[Int(prefix)])
        }
    }

    public var description: String { text }

    /// Encoded as its text, so the JSON is the same as a plain string's.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    private static func packed(_ text: String) -> Storage? {
        let bytes = text.utf8
        guard bytes.count >= 36 else { return nil }
        guard let prefix = prefixes.lastIndex(where: { bytes.count == $0.count + 36 && bytes.starts(with: $0) }) else {
            return nil
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for (offset, byte) in bytes.dropFirst(prefixes[prefix].count).enumerated() {
            if dashes.contains(offset) {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        return .guid(high: high, low: low, prefix: UInt8(prefix))
    }

    private static func render(high: UInt64, low: UInt64, prefix: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: prefix.count + 36) { buffer in
            var index = 0
            for byte in prefix {
                buffer[index] = byte
                index += 1
            }
            for digit in 0..<32 {
                if dashes.contains(index - prefix.count) {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                let word = digit < 16 ? high : low
                let shift = UInt64(60 - 4 * (digit % 16))
                buffer[index] = hexDigits[Int(word >> shift & 0xf)]
                index += 1
            }
            return index
        }
    }
}
