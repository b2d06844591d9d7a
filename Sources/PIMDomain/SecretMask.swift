import Synchronization

/// The secrets this process holds — bearer and refresh tokens, device codes — so that whatever pim
/// prints can be checked for them. A service may echo a token back in any shape (opaque `EwB…`
/// strings as well as `eyJ…` JWTs), in an error message, a header or a name; only the exact strings
/// in use are masked, so ordinary text is never touched.
public enum SecretMask {
    public static let placeholder = "[redacted]"
    /// Shorter strings are not remembered: masking them would blank ordinary words, and no token is that short.
    static let shortest = 8
    /// Longest first, so a secret that contains another is masked whole.
    private static let known = Mutex<[String]>([])

    /// Adds `secret` to what `mask` hides (from now on, for the life of the process).
    public static func remember(_ secret: String) {
        guard secret.utf8.count >= shortest else { return }
        known.withLock { secrets in
            guard !secrets.contains(secret) else { return }
            secrets.append(secret)
            secrets.sort { $0.utf8.count > $1.utf8.count }
        }
    }

    /// `text` with every remembered secret replaced by `[redacted]`.
    public static func mask(_ text: String) -> String {
        masking(text, secrets: known.withLock { $0 })
    }

    /// `text` with each of `secrets` replaced by `[redacted]`. Pure.
    public static func masking(_ text: String, secrets: [String]) -> String {
        var out = text
        for secret in secrets where contains(out, secret) {
            out = out.replacing(secret, with: placeholder)
        }
        return out
    }

    /// Whether `text` holds `secret`, compared byte for byte. Every cell of every frame passes here,
    /// so the common answers are quick: a text shorter than the secret, or without its first byte.
    static func contains(_ text: String, _ secret: String) -> Bool {
        let needle = Array(secret.utf8)
        guard let first = needle.first, text.utf8.count >= needle.count else { return false }
        var text = text
        return text.withUTF8 { haystack in
            var start = 0
            while start + needle.count <= haystack.count {
                guard let found = haystack[start...(haystack.count - needle.count)].firstIndex(of: first) else {
                    return false
                }
                if haystack[found..<(found + needle.count)].elementsEqual(needle) { return true }
                start = found + 1
            }
            return false
        }
    }
}
