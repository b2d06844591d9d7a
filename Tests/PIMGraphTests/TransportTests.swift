import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import PIMGraph

/// URLError → TransportError: whether a write may have reached the service decides what happens next.
struct TransportTests {
    @Test(arguments: [
        (URLError.Code.timedOut, TransportError.Kind.timedOut, true),
        (.cannotConnectToHost, .cannotConnect, false),
        (.notConnectedToInternet, .cannotConnect, false),
        (.cannotFindHost, .dnsFailure, false),
        (.networkConnectionLost, .connectionLost, true),
        (.serverCertificateUntrusted, .tlsFailure, false),
        (.secureConnectionFailed, .tlsFailure, false),
        (.cancelled, .cancelled, true),
        (.badServerResponse, .other, true),
    ])
    func urlErrorsMap(code: URLError.Code, kind: TransportError.Kind, maybeSent: Bool) {
        let error = URLSessionTransport.transportError(URLError(code))
        #expect(error.kind == kind)
        #expect(error.requestMayHaveBeenSent == maybeSent)
    }
}
