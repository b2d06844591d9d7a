import Foundation

/// One authenticated ARM request as the routes see it.
struct ARMContext {
    var method: String
    var target: ARMTarget
    var route: ARMRoute
    var filter: ARMFilter?
    var body: SimJSON?
    var caller: TenantUser
    var token: TenantToken
    var now: Date
    /// `https://management.azure.com` (whatever host the client used), for `nextLink`.
    var origin: String
    var pageSize: Int

    func requireMethod(_ allowed: String...) throws(ARMFailure) {
        guard allowed.contains(method) else { throw ARMFailure.methodNotAllowed }
    }

    /// The JSON object body of a PUT/POST/PATCH.
    func jsonBody() throws(ARMFailure) -> SimJSON {
        guard let body, body.objectMembers != nil else {
            throw ARMFailure.invalidContent("a JSON object body is required.")
        }
        return body
    }

    /// A page of `items` with a `nextLink` carrying `$skipToken` when more remain; the link keeps the
    /// path and every other query option as received.
    func page(_ items: [SimJSON]) throws(ARMFailure) -> TenantResponse {
        var position = 0
        if let token = target.skipToken {
            guard let n = RequestContext.offset(fromSkipToken: token), n >= 0 else {
                throw ARMFailure.badRequest(
                    "InvalidSkipToken", "The $skipToken value is not valid; request the first page again.")
            }
            position = n
        }
        let size = max(1, pageSize)
        let end = min(items.count, position + size)
        let slice = position < end ? Array(items[position..<end]) : []
        var members: [(String, SimJSON)] = [("value", .array(slice))]
        if end < items.count {
            let kept = target.query.filter { $0.0.lowercased() != "$skiptoken" }
            let pairs =
                kept.map { "\($0.0)=\(GraphTarget.encodeQueryValue($0.1))" }
                + ["$skipToken=\(RequestContext.skipToken(end))"]
            members.append(("nextLink", .string("\(origin)\(target.rawPath)?\(pairs.joined(separator: "&"))")))
        }
        return ARMResponse.json(.object(members))
    }
}
