import Foundation
import PIMGraph

/// Injected faults (`PIM_SIM_FAULTS`), drawn from the seeded generator so a seed replays them.
extension SimulatedTenant {
    func inject(
        _ fault: FaultPlan.Fault, into request: HTTPRequest, _ exchange: Exchange, performWrite: Bool,
        retryAfter: Int
    ) throws -> HTTPResponse {
        func refuse(_ status: Int, _ code: String, _ message: String, headers: [String: String] = [:]) -> HTTPResponse {
            if ARMTarget.isARM(request.url) {
                let failure = ARMFailure(status: status, code: code, message: message, headers: headers)
                return refuseARM(request, exchange, failure)
            }
            var inner: [(String, SimJSON)] = [
                ("date", .string(GraphDate.formatInnerError(exchange.now))),
                ("request-id", .string(exchange.requestId)),
                ("client-request-id", .string(exchange.clientRequestId)),
            ]
            if status == 429 {
                inner += [("code", "429"), ("message", "Please retry after"), ("status", "429")]
            }
            let body: SimJSON = [
                "error": ["code": .string(code), "message": .string(message), "innerError": .object(inner)]
            ]
            var all = headers
            all["Content-Type"] = "application/json"
            all["request-id"] = exchange.requestId
            all["client-request-id"] = exchange.clientRequestId
            let target = GraphTarget.fromURL(request.url).map { GraphTarget(version: $0.version, relative: $0.rest) }
            record(
                RecordedRequest(
                    method: request.method.uppercased(),
                    path: target.map { "/\($0.version)\($0.path)" } ?? request.url.path,
                    query: target.map { Self.queryDictionary($0.query) } ?? [:],
                    body: request.body.flatMap { try? SimJSON.parse($0) }, status: status))
            return HTTPResponse(status: status, headers: all, body: body.data)
        }
        switch fault {
        case .throttled:
            return refuse(
                429, "TooManyRequests", "Please retry again later.", headers: ["Retry-After": String(retryAfter)])
        case .serverError:
            return refuse(500, "UnknownError", "An error has occurred.")
        case .unavailable:
            return refuse(
                503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.",
                headers: ["Retry-After": String(retryAfter)])
        case .gatewayTimeout:
            return refuse(
                504, "GatewayTimeout", "The gateway did not receive a timely response from the upstream service.")
        case .expiredToken:
            return refuse(
                401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.",
                headers: [
                    "WWW-Authenticate":
                        """
                    Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2\
                    /authorize\", error=\"invalid_token\", error_description=\"The access token has expired.\"
                    """
                ])
        case .timeout:
            // Whether the service acted before the connection dropped is unknown to the client; the seed decides here.
            if performWrite { _ = handle(request, exchange) }
            throw TransportError(
                .timedOut, "The request timed out after \(Int(request.timeout)) seconds.", requestMayHaveBeenSent: true)
        case .malformed:
            let full = handle(request, exchange)
            var response = full
            response.body =
                full.body.isEmpty ? Data("{\"value\":[".utf8) : full.body.prefix(max(1, full.body.count / 2))
            return response
        }
    }

    /// An injected fault on an Azure Resource Manager request: ARM's envelope and request-id headers.
    private func refuseARM(_ request: HTTPRequest, _ exchange: Exchange, _ failure: ARMFailure) -> HTTPResponse {
        var f = failure
        if f.status == 401 {
            f.code = "ExpiredAuthenticationToken"
            f.message = "The access token expiry UTC time is earlier than current UTC time."
            f.headers["WWW-Authenticate"] = ARMFailure.invalidToken.headers["WWW-Authenticate"]
        }
        let response = f.response
        var headers = response.headers
        headers.merge(armHeaders(request, exchange)) { _, new in new }
        let target = Self.armTarget(request.url)
        record(
            RecordedRequest(
                method: request.method.uppercased(), path: target.path, query: Self.queryDictionary(target.query),
                body: request.body.flatMap { try? SimJSON.parse($0) }, status: f.status))
        return HTTPResponse(status: f.status, headers: headers, body: response.body?.data ?? Data())
    }

    /// Whether one `$batch` item is throttled (drawn at the configured 429 rate); its Retry-After if so.
    func innerThrottle() -> Int? {
        guard let rate = configuration.faults.rates.first(where: { $0.0 == .throttled })?.1, rate > 0 else {
            return nil
        }
        let (draw, _, retryAfter) = nextFaultDraw()
        return draw < rate ? retryAfter : nil
    }
}
