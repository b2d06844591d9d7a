import Foundation
import PIMDomain

/// What differs between the services one `GraphClient` can speak to (Microsoft Graph, Azure Resource
/// Manager): the name sentences use, how errors read, where a page's next link sits, which headers carry
/// request ids, and which endpoint setting a user checks. Everything else (tokens, retries, write
/// safety, paging limits, host checks) is the same client.
struct ServiceDialect: Sendable {
    /// The service as sentences name it: "Graph could not be reached", "Azure Resource Manager …".
    var name: String
    /// The endpoint setting a user checks when this service answers oddly.
    var endpoint: NextStep.Endpoint
    /// The response header with the service's request id (for support).
    var requestIdHeader: String
    /// The request header carrying the client's own request id.
    var clientRequestIdHeader: String
    /// The JSON key of a page's next link.
    var nextLinkKey: String
    /// A failed response as a `PIMError`.
    var mapError: @Sendable (HTTPResponse) -> PIMError

    static let graph = ServiceDialect(
        name: "Graph", endpoint: .graph, requestIdHeader: "request-id", clientRequestIdHeader: "client-request-id",
        nextLinkKey: "@odata.nextLink", mapError: { GraphErrorMapper.map($0) })

    static let arm = ServiceDialect(
        name: "Azure Resource Manager", endpoint: .arm, requestIdHeader: "x-ms-request-id",
        clientRequestIdHeader: "x-ms-client-request-id", nextLinkKey: "nextLink",
        mapError: { ARMErrorMapper.map($0) })
}

extension CodingUserInfoKey {
    /// The dialect's next-link key, for `GraphPage` (absent: Graph's `@odata.nextLink`).
    static let nextLinkKey = CodingUserInfoKey(rawValue: "pim.nextLinkKey")!
}
