import Foundation

/// One page of a Graph collection: `value` and, when there is more, `@odata.nextLink`.
struct GraphPage<Item: Decodable>: Decodable {
    var value: [Item]
    var nextLink: String?

    enum CodingKeys: String, CodingKey {
        case value
        case nextLink = "@odata.nextLink"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try c.decodeIfPresent([Item].self, forKey: .value) ?? []
        nextLink = try c.decodeIfPresent(String.self, forKey: .nextLink)
    }
}

/// Decodes a value that may be missing, null or of an unexpected shape as nil, so one odd field
/// from the service does not lose a whole list.
struct Lenient<T: Decodable>: Decodable {
    var value: T?
    init(from decoder: any Decoder) throws {
        value = try? decoder.singleValueContainer().decode(T.self)
    }
}

extension KeyedDecodingContainer {
    func lenient<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(Lenient<T>.self, forKey: key))??.value
    }
}
