import Foundation

/// Keeps secrets out of anything printed: tokens in headers, codes and tokens in query strings.
enum Redaction {
    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    static let secretParameters: Set<String> = [
        "access_token", "refresh_token", "id_token", "code", "device_code",
        "client_secret", "assertion", "password", "token",
    ]

    /// Headers safe to print: secret ones masked.
    static func headers(_ headers: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in headers {
            result[name] = secretHeaders.contains(name.lowercased()) ? "[redacted]" : clean(value)
        }
        return result
    }

    /// Path and query of `url` (no scheme or host), with secret parameter values masked and text sanitised.
    static func path(of url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "?" }
        var text = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery, !query.isEmpty {
            let parts = query.split(separator: "&").map { part -> String in
                let pieces = part.split(separator: "=", maxSplits: 1)
                let name = String(pieces[0]).removingPercentEncoding ?? String(pieces[0])
                return secretParameters.contains(name.lowercased()) ? "\(pieces[0])=[redacted]" : String(part)
            }
            text += "?" + parts.joined(separator: "&")
        }
        return clean(text.removingPercentEncoding ?? text)
    }

    /// Strips anything a terminal would interpret.
    /// Also drops bidi overrides, zero-width and tag characters, which would reorder or hide what
    /// the log line shows.
    static func clean(_ text: String) -> String {
        String(text.unicodeScalars.filter { isShown($0.value) }.map(Character.init))
    }

    private static func isShown(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x20, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB,
            0xE0000...0xE007F, 0x061C, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E:
            return false
        default:
            return true
        }
    }

    /// Service text with anything shaped like a JSON Web Token (`eyJ….….…`) masked: an endpoint that
    /// echoes the bearer token in an error must not put it on the screen or in a support ticket.
    static func maskingTokens(_ text: String) -> String {
        guard text.contains("eyJ") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "eyJ") {
            out += rest[..<start.lowerBound]
            var end = start.upperBound
            var dots = 0
            while end < rest.endIndex, isTokenCharacter(rest[end]) {
                if rest[end] == "." { dots += 1 }
                end = rest.index(after: end)
            }
            out += dots >= 1 ? "[redacted]" : String(rest[start.lowerBound..<end])
            rest = rest[end...]
        }
        return out + rest
    }

    private static func isTokenCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
    }
}
