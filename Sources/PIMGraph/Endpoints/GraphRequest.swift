import Foundation

/// The Graph API version a request goes to. Everything is v1.0 except the approval objects of
/// directory roles, which exist only in beta (`roleAssignmentApprovals`).
enum GraphVersion: String, Hashable, Sendable {
    case v1 = "v1.0"
    case beta = "beta"
}

/// One Graph call as a value: method, version, path and query options, and a JSON body.
/// Kept separate from sending so the same value can go out alone or inside a `$batch`.
struct GraphRequest: Hashable, Sendable {
    var method: String
    var version: GraphVersion
    /// Path below the version root, starting with `/` (e.g. `/me`).
    var path: String
    /// Query options in order, unencoded (e.g. `("$filter", "status eq 'PendingApproval'")`).
    var query: [QueryOption]
    /// JSON body (sent with `Content-Type: application/json`).
    var body: Data?

    struct QueryOption: Hashable, Sendable {
        var name: String
        var value: String
        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    init(
        method: String = "GET", version: GraphVersion = .v1, path: String,
        query: [QueryOption] = [], body: Data? = nil
    ) {
        self.method = method
        self.version = version
        self.path = path
        self.query = query
        self.body = body
    }

    /// Value of one query option (unencoded), for tests and logs.
    func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Path and query, percent-encoded, relative to the version root: what a `$batch` item's `url` holds.
    var relativeReference: String {
        let encodedPath = Self.encode(path, allowed: Self.pathAllowed)
        guard !query.isEmpty else { return encodedPath }
        let q = query.map {
            "\(Self.encode($0.name, allowed: Self.queryAllowed))=\(Self.encode($0.value, allowed: Self.queryAllowed))"
        }
        return encodedPath + "?" + q.joined(separator: "&")
    }

    /// The absolute URL under `baseURL` (the Graph root without version, e.g. `https://graph.microsoft.com`).
    func url(baseURL: URL) -> URL {
        var root = baseURL.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        // The reference is built from encoded parts only, so this cannot fail for a valid base URL.
        return URL(string: root + "/" + version.rawValue + relativeReference)!
    }

    // Graph's own examples keep `$`, `'`, `(`, `)`, `,` and `/` literal; spaces become %20.
    // `=` and `&` are encoded inside values so `$expand=policy($expand=rules)` stays one option.
    static let pathAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~/$'()=,:@!*")
        return set
    }()

    static let queryAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~/$'(),:@!*")
        return set
    }()

    static func encode(_ text: String, allowed: CharacterSet) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension GraphRequest {
    /// A JSON body from an `Encodable` value, keys sorted so requests are reproducible.
    static func json<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Bodies are plain structs of strings, bools and nested structs: encoding cannot fail.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// Quotes a value for an OData string literal (`'` doubles).
    static func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
