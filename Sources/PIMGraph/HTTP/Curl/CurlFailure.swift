import CCurl

/// What ended a transfer that produced no answer, in the transport's words. Pure: a libcurl result
/// code plus what the exchange itself noticed (its own refusals, whether any request byte left).
enum CurlFailure {
    /// Why the client itself stopped a transfer (libcurl then reports a write error or an abort).
    enum Refusal: Equatable {
        case bodyTooLarge(limit: Int)
        case head(ResponseHead.Refusal)
        case cancelled
    }

    /// - Parameters:
    ///   - code: libcurl's result for the transfer.
    ///   - refusal: set when pim's own callbacks stopped it.
    ///   - requestSent: true once libcurl reports request bytes on the wire; a failure before that
    ///     cannot have reached the service.
    static func transportError(code: CURLcode, refusal: Refusal?, requestSent: Bool) -> TransportError {
        switch refusal {
        case .bodyTooLarge(let limit):
            return TransportError(.tooLarge, "at most \(limit / 1_048_576) MB", requestMayHaveBeenSent: true)
        case .head(.tooLarge):
            return TransportError(
                .malformedAnswer, "its headers were longer than pim reads", requestMayHaveBeenSent: true)
        case .head(.controlCharacters):
            return TransportError(
                .malformedAnswer, "its headers carried control characters", requestMayHaveBeenSent: true)
        case .cancelled:
            return TransportError(.cancelled, "cancelled", requestMayHaveBeenSent: requestSent)
        case nil:
            break
        }
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError(.timedOut, "timed out", requestMayHaveBeenSent: requestSent)
        case CURLE_COULDNT_CONNECT:
            return TransportError(.cannotConnect, "could not connect", requestMayHaveBeenSent: false)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return TransportError(.dnsFailure, "host not found", requestMayHaveBeenSent: false)
        case CURLE_FILESIZE_EXCEEDED:
            // The announced Content-Length is over the limit: refused before the body is read.
            return TransportError(.tooLarge, "its announced length is over the limit", requestMayHaveBeenSent: true)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE:
            return TransportError(.tlsFailure, "TLS verification failed", requestMayHaveBeenSent: false)
        case CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING:
            return TransportError(.malformedAnswer, "the answer was not readable HTTP", requestMayHaveBeenSent: true)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return TransportError(.other, "the address cannot be used", requestMayHaveBeenSent: false)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return TransportError(.connectionLost, "connection lost", requestMayHaveBeenSent: requestSent)
        default:
            return TransportError(.other, "network error (curl \(code.rawValue))", requestMayHaveBeenSent: requestSent)
        }
    }
}
