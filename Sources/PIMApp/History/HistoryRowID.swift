extension HistoryRow {
    /// A row's id as its source's own id and a prefix naming the source (`audit:`, `request:`),
    /// joined only when read, so no row holds a second copy of its source's id.
    ///
    /// Always split the same way (`init(text:)` takes off one known prefix, as the rows made from
    /// an event or a request are), so equal texts have equal parts and the synthesized equality
    /// is the equality of the text.
    struct RowID: Hashable, Sendable {
        enum Prefix: String, Hashable, Sendable, CaseIterable {
            case none = ""
            case audit = "audit:"
            case request = "request:"
        }

        var key: String
        var prefix: Prefix

        init(prefix: Prefix, key: String) {
            self.prefix = prefix
            self.key = key
        }

        init(text: String) {
            let known = Prefix.allCases.first { $0 != .none && text.hasPrefix($0.rawValue) }
            prefix = known ?? .none
            key = known.map { String(text.dropFirst($0.rawValue.count)) } ?? text
        }

        var text: String { prefix.rawValue + key }
    }
}
