import PIMDomain
import Synchronization

/// One copy of each string that Graph repeats on every item of a list: role and group names, role
/// descriptions, role definition and template ids, principal ids and names, audit activities.
///
/// A page of 10,000 eligibilities of one user carries the same principal id 10,000 times and
/// the same few dozen role names and descriptions hundreds of times each; decoded as they come,
/// each is a separate heap string per item (about 1 KB per row). Interned, the items share one.
/// Only fields that repeat go through the pool (never instance, request or event ids), and the
/// pool forgets everything when it reaches `limit` entries, so its size stays bounded whatever
/// the service sends.
enum StringPool {
    static let limit = 4_096
    private static let table = Mutex<[String: String]>([:])

    static func intern(_ text: String) -> String {
        // Up to 15 UTF-8 bytes a string is stored inline: there is nothing to share.
        guard text.utf8.count > 15 else { return text }
        return table.withLock { table in
            if let known = table[text] { return known }
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[text] = text
            return text
        }
    }

    static func intern(_ text: String?) -> String? { text.map { intern($0) } }
}

extension KeyedDecodingContainer {
    /// `lenient` for a field whose value repeats across a list's items: the string comes from `StringPool`.
    func shared(_ key: Key) -> String? {
        StringPool.intern(lenient(String.self, forKey: key))
    }

    /// `decodeIfPresent` of a repeating string (a wrong type still throws), cut to `ServiceText.limit`
    /// characters, from `StringPool`.
    func pooled(_ key: Key) throws -> String? {
        StringPool.intern(try decodeIfPresent(String.self, forKey: key).map(ServiceText.capped))
    }
}
