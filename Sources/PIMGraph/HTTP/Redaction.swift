import Foundation

/// Keeps secrets out of anything printed: tokens in headers, codes and tokens in query strings.
enum Redaction {
    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    static let secretParameters: Set<String> = ["access_token", "refresh_token", "id_token", "code", "device_code",
                                                "client_secret", "assertion", "password", "token"]

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
    static func clean(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
            .map(Character.init))
    }
}
