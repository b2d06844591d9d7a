import Foundation
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
    /// for every secret remembered, so the scan is the C library's `memchr` and `memcmp`: the same scan
    /// over Swift slices took seconds per megabyte in a debug build once a few hundred secrets were known.
    static func contains(_ text: String, _ secret: String) -> Bool {
        guard !secret.isEmpty, text.utf8.count >= secret.utf8.count else { return false }
        var text = text
        var secret = secret
        return text.withUTF8 { haystack in
            secret.withUTF8 { needle in
                guard let base = haystack.baseAddress, let key = needle.baseAddress else { return false }
                let last = haystack.count - needle.count
                var start = 0
                while start <= last {
                    guard let hit = memchr(base + start, Int32(key.pointee), last - start + 1) else { return false }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, key, needle.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }
}
