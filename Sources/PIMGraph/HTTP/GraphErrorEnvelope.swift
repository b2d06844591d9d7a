import Foundation
import PIMDomain

/// Graph's error envelope: `{"error":{"code","message","innerError":{"request-id",…}}}`.
struct GraphErrorEnvelope: Decodable {
    struct Body: Decodable {
        var code: String?
        var message: String?
        var innerError: Inner?
        enum CodingKeys: String, CodingKey { case code, message, innerError, innererror }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = c.lenient(String.self, forKey: .code)
            message = c.lenient(String.self, forKey: .message)
            innerError = c.lenient(Inner.self, forKey: .innerError) ?? c.lenient(Inner.self, forKey: .innererror)
        }
    }
    struct Inner: Decodable {
        var requestId: String?
        var code: String?
        enum CodingKeys: String, CodingKey { case requestId = "request-id", code }
    }
    var error: Body
}
