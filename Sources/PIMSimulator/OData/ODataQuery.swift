import Foundation

/// The query options of one request (`$filter`, `$select`, `$expand`, `$top`, `$skiptoken`), parsed
/// and checked the way Graph checks them: an unknown system option or a malformed value is a 400.
struct ODataQuery: Equatable, Sendable {
    var filter: ODataFilter?
    var filterText: String?
    var select: [String]?
    var expand: [ExpandItem] = []
    var top: Int?
    var skipToken: String?
    var count = false
    /// Every option as received (decoded), in order, to rebuild `@odata.nextLink`.
    var raw: [(String, String)] = []

    static func == (a: ODataQuery, b: ODataQuery) -> Bool {
        a.filter == b.filter && a.select == b.select && a.expand == b.expand && a.top == b.top
            && a.skipToken == b.skipToken
    }

    struct ExpandItem: Equatable, Sendable {
        var name: String
        var select: [String]?
        var expand: [ExpandItem] = []
    }

    /// Why a query was refused, as Graph words it.
    struct Failure: Error, Equatable {
        var message: String
    }

    static let known: Set<String> = [
        "$filter", "$select", "$expand", "$top", "$skiptoken", "$skip", "$count", "$orderby", "$search", "$format",
    ]

    init() {}

    init(pairs: [(String, String)]) throws(Failure) {
        raw = pairs
        for (rawName, value) in pairs {
            let name = (rawName.hasPrefix("$") ? rawName : "$" + rawName).lowercased()
            guard Self.known.contains(name) else {
                if rawName.hasPrefix("$") {
                    throw Failure(
                        message: "Query option '\(rawName)' is not allowed. Make sure that it is supported by the API.")
                }
                continue  // non-system parameters are ignored, as the service does
            }
            switch name {
            case "$filter":
                filterText = value
                do { filter = try ODataFilter.parse(value) } catch {
                    throw Failure(message: "Invalid filter clause: \(error.message)")
                }
            case "$select":
                select = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                }
            case "$expand":
                expand = try Self.parseExpand(value)
            case "$top":
                guard let n = Int(value), n >= 0 else {
                    throw Failure(
                        message:
                            """
                            Invalid value '\(value)' for $top query option found. The $top query option requires a \
                            non-negative integer value.
                            """
                    )
                }
                top = n
            case "$skiptoken":
                skipToken = value
            case "$count":
                guard ["true", "false"].contains(value.lowercased()) else {
                    throw Failure(
                        message:
                            """
                            Invalid value '\(value)' for $count query option found. Valid values are 'true' and \
                            'false'.
                            """
                    )
                }
                count = value.lowercased() == "true"
            default:
                break  // $orderby, $skip, $search, $format: accepted, not applied (the contract does not rely on them)
            }
        }
    }

    /// Parses `a,b($select=x;$expand=c($expand=d))`.
    static func parseExpand(_ text: String) throws(Failure) -> [ExpandItem] {
        var items: [ExpandItem] = []
        for part in splitTopLevel(text, on: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let open = trimmed.firstIndex(of: "(") else {
                items.append(ExpandItem(name: trimmed))
                continue
            }
            guard trimmed.hasSuffix(")") else {
                throw Failure(message: "Term '\(trimmed)' is not valid in a $select or $expand expression.")
            }
            let name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            let inner = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var item = ExpandItem(name: name)
            for option in splitTopLevel(inner, on: ";") {
                let pieces = option.split(separator: "=", maxSplits: 1).map(String.init)
                guard pieces.count == 2 else {
                    throw Failure(message: "Term '\(option)' is not valid in a $select or $expand expression.")
                }
                switch pieces[0].trimmingCharacters(in: .whitespaces).lowercased() {
                case "$select":
                    item.select = pieces[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                case "$expand": item.expand = try parseExpand(pieces[1])
                default: break
                }
            }
            items.append(item)
        }
        return items
    }

    private static func splitTopLevel(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for c in text {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == separator, depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }
}
