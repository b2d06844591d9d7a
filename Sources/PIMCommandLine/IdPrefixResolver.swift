/// Finds the request a typed REQUEST_ID means: the whole id (any case), or a unique prefix of at least
/// `minimumPrefix` characters, so a user can copy the first block of a GUID instead of all 36 characters.
enum IdPrefixResolver {
    /// Eight characters: the first block of a GUID, long enough that two requests rarely share it.
    static let minimumPrefix = 8

    /// The item whose id (any of `ids(item)`) is `typed` or starts with it; nil when none does, so the
    /// caller can say what became of the request. Throws a usage error for a prefix shorter than
    /// `minimumPrefix` that some id starts with, and for a prefix several items share (listing them).
    static func resolve<Item>(
        _ typed: String, among items: [Item], ids: (Item) -> [String], command: String, noun: String = "request id"
    ) throws -> Item? {
        let lowered = typed.lowercased()
        if let exact = items.first(where: { ids($0).contains { $0.lowercased() == lowered } }) { return exact }
        guard !lowered.isEmpty else { return nil }
        let matches = items.filter { ids($0).contains { $0.lowercased().hasPrefix(lowered) } }
        guard !matches.isEmpty else { return nil }
        if typed.count < minimumPrefix {
            throw UsageError(
                """
                \(typed) is too short to stand for a \(noun): write at least \(minimumPrefix) characters \
                of it, or the whole id.
                """,
                command: command)
        }
        guard matches.count == 1 else {
            let listed = matches.compactMap { ids($0).first }.sorted().joined(separator: ", ")
            throw UsageError(
                "\(typed) is the start of \(matches.count) \(noun)s (\(listed)): write more of the id.",
                command: command)
        }
        return matches[0]
    }

    /// Every typed id resolved up front, so a typo stops the command before anything is decided.
    /// A nil entry is an id no item has.
    static func resolveAll<Item>(
        _ typed: [String], among items: [Item], ids: (Item) -> [String], command: String,
        noun: String = "request id"
    ) throws -> [(typed: String, item: Item?)] {
        try typed.map { ($0, try resolve($0, among: items, ids: ids, command: command, noun: noun)) }
    }
}
