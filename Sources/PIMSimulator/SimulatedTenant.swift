import Foundation
import PIMGraph

/// The simulated Entra tenant: answers Graph HTTP requests as the real service does (to be built out).
public final class SimulatedTenant: Transport {
    public init() {}

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(status: 501, headers: ["Content-Type": "application/json"],
                     body: Data(#"{"error":{"code":"NotImplemented","message":"The simulated tenant is not built yet."}}"#.utf8))
    }
}
