import Foundation

/// The status and headers of one answer, gathered line by line as libcurl hands them over.
/// Pure: the transport feeds it, tests and the fuzz target drive it directly.
///
/// It refuses what a Graph endpoint never sends: a head larger than `limit` bytes, and header
/// values carrying control characters (an escape sequence in a `request-id` would otherwise travel
/// to verbose log lines and messages).
struct ResponseHead {
    /// The most header bytes the client reads for one answer (all lines together, interim answers included).
    static let limit = 256 * 1024

    private(set) var headers: [String: String] = [:]
    private(set) var byteCount = 0
    /// Why the head was refused, when it was.
    private(set) var refusal: Refusal?

    enum Refusal: Equatable {
        case tooLarge
        case controlCharacters
    }

    /// Takes one raw header line (`HTTP/1.1 200 OK\r\n`, `Name: value\r\n` or the blank line).
    /// Returns false when the answer must be refused.
    mutating func take(_ line: UnsafeRawBufferPointer) -> Bool {
        byteCount += line.count
        guard byteCount <= Self.limit else { refusal = .tooLarge; return false }
        var bytes = Array(line)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        if bytes.isEmpty { return true }
        // A status line starts a new head: interim answers (100 Continue, a proxy's CONNECT reply)
        // must not lend their headers to the final one.
        if bytes.starts(with: Array("HTTP/".utf8)) {
            headers = [:]
            return true
        }
        guard !bytes.contains(where: Self.isForbidden) else { refusal = .controlCharacters; return false }
        guard let colon = bytes.firstIndex(of: 0x3A) else { return true }  // obsolete folding: ignored
        let name = String(decoding: bytes[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let value = String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return true }
        if let earlier = headers[name] {
            headers[name] = earlier + ", " + value
        } else {
            headers[name] = value
        }
        return true
    }

    /// C0 controls other than tab, and DEL. (UTF-8 bytes of C1 controls are caught where text is shown.)
    private static func isForbidden(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09) || byte == 0x7F
    }
}

/// The body of one answer, refused as soon as it grows past `limit` bytes: libcurl hands over
/// bytes as they are inflated, so a small compressed answer cannot pile up gigabytes first.
struct BoundedBody {
    let limit: Int
    private(set) var data = Data()
    private(set) var exceeded = false

    init(limit: Int) { self.limit = limit }

    /// Appends `bytes`; false (and nothing kept beyond the limit) once the answer is too long.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !exceeded, data.count + bytes.count <= limit else {
            exceeded = true
            return false
        }
        data.append(contentsOf: bytes)
        return true
    }
}
