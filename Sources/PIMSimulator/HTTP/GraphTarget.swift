import Foundation

/// Where a request points: API version, decoded path segments and decoded query pairs.
/// Parsed from raw text so `$batch` items (relative URLs, sometimes with unencoded spaces or
/// quotes) and top-level URLs go through the same code.
struct GraphTarget: Equatable {
    var version: String
    var segments: [String]
    var query: [(String, String)]
    /// The path after the version, as received, for recording and `@odata.nextLink`.
    var path: String

    static func == (a: GraphTarget, b: GraphTarget) -> Bool {
        a.version == b.version && a.segments == b.segments
            && a.query.map { $0.0 + "=" + $0.1 } == b.query.map { $0.0 + "=" + $0.1 }
    }

    /// From a full URL: the first path segment is the version.
    static func fromURL(_ url: URL) -> (version: String, rest: String)? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        var path = components.percentEncodedPath
        while path.hasPrefix("/") { path.removeFirst() }
        let parts = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let version = parts.first, !version.isEmpty else { return nil }
        var rest = "/" + (parts.count > 1 ? parts[1] : "")
        if let q = components.percentEncodedQuery { rest += "?" + q }
        return (version, rest)
    }

    /// Parses `/segment/segment?name=value&…` relative to a version root (leading slash optional).
    init(version: String, relative: String) {
        self.version = version
        var text = relative
        if !text.hasPrefix("/") { text = "/" + text }
        // By bytes, like the segments: `?`, `&` and `=` are ASCII.
        let mark = text.utf8.firstIndex(of: UInt8(ascii: "?"))
        let pathText = String(text[..<(mark ?? text.endIndex)])
        path = Self.decode(pathText)
        segments = Self.splitSegments(pathText).map(Self.decode)
        var pairs: [(String, String)] = []
        if let mark {
            for item in text[text.utf8.index(after: mark)...].utf8.split(separator: UInt8(ascii: "&")) {
                let kv = item.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
                    .map { String(Substring($0)) }
                pairs.append((Self.decode(kv[0]), kv.count > 1 ? Self.decode(kv[1]) : ""))
            }
        }
        query = pairs
    }

    /// Splits on `/` outside parentheses and quotes (function arguments may hold slashes). By bytes:
    /// the delimiters are ASCII, which never occurs inside another character's UTF-8.
    private static func splitSegments(_ path: String) -> [String] {
        var result: [String] = []
        var depth = 0
        var quoted = false
        let bytes = path.utf8
        var start = bytes.startIndex
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "'"): quoted.toggle()
            case UInt8(ascii: "(") where !quoted: depth += 1
            case UInt8(ascii: ")") where !quoted: depth -= 1
            case UInt8(ascii: "/") where depth == 0 && !quoted:
                if start < index { result.append(String(path[start..<index])) }
                start = bytes.index(after: index)
            default: break
            }
        }
        if start < bytes.endIndex { result.append(String(path[start...])) }
        return result
    }

    /// Percent-decoded text; most segments and values hold no escape and are returned as they are.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// Encodes a decoded query value for a URL the tenant prints (`@odata.nextLink`).
    static func encodeQueryValue(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~'$,:()/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    func queryValue(_ name: String) -> String? {
        query.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

/// A function segment such as `filterByCurrentUser(on='principal')`.
struct FunctionSegment: Equatable {
    var name: String
    var arguments: [String: String]
    /// Arguments whose values were not quoted (the service refuses string parameters without quotes).
    var unquoted: Set<String>

    init?(_ segment: String) {
        guard let open = segment.firstIndex(of: "("), segment.hasSuffix(")") else { return nil }
        name = String(segment[..<open])
        let inner = segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]
        var args: [String: String] = [:]
        var unquoted = Set<String>()
        for part in inner.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { return nil }
            var value = kv[1]
            if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
                value = String(value.dropFirst().dropLast())
            } else {
                unquoted.insert(kv[0])
            }
            args[kv[0]] = value
        }
        arguments = args
        self.unquoted = unquoted
    }
}
