import Foundation
import PIMDomain

/// Decodes a value that may be missing, null or of an unexpected shape as nil, so one odd field
/// from the service does not lose a whole list. A string is cut to `ServiceText.limit` characters.
struct Lenient<T: Decodable>: Decodable {
    var value: T?
    init(from decoder: any Decoder) throws {
        value = try? decoder.singleValueContainer().decode(T.self)
        if let text = value as? String { value = ServiceText.capped(text) as? T }
    }
}

extension KeyedDecodingContainer {
    func lenient<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(Lenient<T>.self, forKey: key))??.value
    }
}
