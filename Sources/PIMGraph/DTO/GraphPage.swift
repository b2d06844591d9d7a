import Foundation

/// One page of a collection: `value` and, when there is more, the next link (`@odata.nextLink` on
/// Graph, `nextLink` on Azure Resource Manager: the decoder's `userInfo[.nextLinkKey]` says which).
struct GraphPage<Item: Decodable>: Decodable {
    var value: [Item]
    var nextLink: String?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let linkKey = decoder.userInfo[.nextLinkKey] as? String ?? "@odata.nextLink"
        value = try c.decodeIfPresent([Item].self, forKey: Key(stringValue: "value")) ?? []
        nextLink = try c.decodeIfPresent(String.self, forKey: Key(stringValue: linkKey))
    }
}
