import CCurl
import Foundation

/// One transfer in flight: its easy handle, what has arrived, and the continuation that receives the
/// outcome. Created on the caller's thread, then touched only by `CurlEngine`'s thread until it
/// finishes; libcurl's callbacks reach it through the handle's private pointer.
///
/// `@unchecked Sendable`: handed from the caller to the engine thread once, never shared after.
final class CurlExchange: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    /// Set by the engine before the transfer starts; names it in a cancellation.
    var serial: UInt64 = 0
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var head = ResponseHead()
    private var body: BoundedBody
    private var refusal: CurlFailure.Refusal?
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?

    /// Prepares the handle for `request`. Throws when libcurl refuses an option (an unusable URL).
    init(_ request: HTTPRequest, bodyLimit: Int) throws {
        guard let handle = curl_easy_init() else {
            throw TransportError(.other, "the HTTP library could not start", requestMayHaveBeenSent: false)
        }
        self.handle = handle
        body = BoundedBody(limit: bodyLimit)
        do {
            try configure(request, bodyLimit: bodyLimit)
        } catch {
            release()
            throw error
        }
    }

    /// Starts waiting for the outcome; the engine resumes it exactly once through `finish`.
    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) { self.continuation = continuation }

    /// Called by the engine when libcurl reports the transfer done (or it was cancelled).
    func finish(_ code: CURLcode) {
        guard let continuation else { return }
        self.continuation = nil
        var status = 0
        _ = pim_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var requestBytes = 0
        _ = pim_curl_get_long(handle, CURLINFO_REQUEST_SIZE, &requestBytes)
        if code == CURLE_OK, refusal == nil, status > 0 {
            continuation.resume(returning: HTTPResponse(status: status, headers: head.headers, body: body.data))
        } else {
            let failure = CurlFailure.transportError(code: code, refusal: refusal, requestSent: requestBytes > 0)
            continuation.resume(throwing: failure)
        }
    }

    /// The engine dropped the transfer before libcurl finished it.
    func cancel() {
        refusal = .cancelled
        finish(CURLE_ABORTED_BY_CALLBACK)
    }

    /// Frees the handle and the header list; the engine calls it after removing the handle.
    func release() {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        headerList = nil
    }

    // MARK: - Options

    private func configure(_ request: HTTPRequest, bodyLimit: Int) throws {
        try set(CURLOPT_URL, request.url.absoluteString)
        // Graph and the identity platform never redirect a client: a 3xx is the answer, and the
        // token is never carried to the place it names.
        try set(CURLOPT_FOLLOWLOCATION, 0)
        // Only the web: a next link or a flag naming file://, ftp:// or any other scheme fails here.
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        // The engine thread blocks SIGPIPE; no alarm signals either (the resolver is threaded).
        try set(CURLOPT_NOSIGNAL, 1)
        let milliseconds = max(1, Int(request.timeout * 1000))
        try set(CURLOPT_TIMEOUT_MS, milliseconds)
        try set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
        // Every encoding libcurl decodes; the body limit counts the decoded bytes.
        try set(CURLOPT_ACCEPT_ENCODING, "")
        guard pim_curl_set_size(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(bodyLimit)) == CURLE_OK else {
            throw Self.optionRefused
        }
        try configureMethod(request)
        try configureHeaders(request)
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = pim_curl_set_pointer(handle, CURLOPT_PRIVATE, context)
        _ = pim_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = pim_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        _ = pim_curl_set_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody)
        _ = pim_curl_set_data_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader)
    }

    private func configureMethod(_ request: HTTPRequest) throws {
        let method = request.method.uppercased()
        if method == "GET", request.body == nil { return }
        if method == "HEAD" { try set(CURLOPT_NOBODY, 1); return }
        if method != "POST" { try set(CURLOPT_CUSTOMREQUEST, method) }
        if let data = request.body ?? (method == "POST" ? Data() : nil) {
            // The body is copied into the handle, so a retry of the exchange is always a new exchange.
            guard pim_curl_set_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(data.count)) == CURLE_OK else {
                throw Self.optionRefused
            }
            let copied = data.withUnsafeBytes { raw -> CURLcode in
                let base = raw.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                return pim_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
            }
            guard copied == CURLE_OK else { throw Self.optionRefused }
        }
        if Self.changesState(method) {
            // libcurl resends a request on its own when a reused connection turns out dead; for a
            // write that could apply it twice. A fresh connection is never resent: a reset is
            // reported, and the client's lookup decides whether the write landed.
            try set(CURLOPT_FRESH_CONNECT, 1)
        }
    }

    private func configureHeaders(_ request: HTTPRequest) throws {
        var lines = request.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        // No "Expect: 100-continue" round trip before a body.
        lines.append("Expect:")
        for line in lines where !line.contains("\r") && !line.contains("\n") {
            guard let appended = curl_slist_append(headerList, line) else { throw Self.optionRefused }
            headerList = appended
        }
        guard pim_curl_set_headers(handle, headerList) == CURLE_OK else { throw Self.optionRefused }
    }

    static func changesState(_ method: String) -> Bool {
        !["GET", "HEAD", "OPTIONS"].contains(method.uppercased())
    }

    private static let optionRefused = TransportError(
        .other, "the address cannot be used", requestMayHaveBeenSent: false)

    private func set(_ option: CURLoption, _ value: Int) throws {
        guard pim_curl_set_long(handle, option, value) == CURLE_OK else { throw Self.optionRefused }
    }

    private func set(_ option: CURLoption, _ value: String) throws {
        guard pim_curl_set_string(handle, option, value) == CURLE_OK else { throw Self.optionRefused }
    }

    // MARK: - Callbacks (engine thread)

    fileprivate func takeBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if body.append(bytes) { return true }
        refusal = .bodyTooLarge(limit: body.limit)
        return false
    }

    fileprivate func takeHeader(_ line: UnsafeRawBufferPointer) -> Bool {
        if head.take(line) { return true }
        refusal = head.refusal.map(CurlFailure.Refusal.head)
        return false
    }
}

/// libcurl's write callback: returning less than it was given stops the transfer.
private func curlWriteBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    deliver(data, size * count, to: context) { $0.takeBody($1) }
}

/// libcurl's header callback: one whole header line per call.
private func curlWriteHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    deliver(data, size * count, to: context) { $0.takeHeader($1) }
}

/// Hands `length` bytes to the exchange behind `context`; what libcurl's callbacks return.
private func deliver(
    _ data: UnsafeMutablePointer<CChar>?, _ length: Int, to context: UnsafeMutableRawPointer?,
    _ take: (CurlExchange, UnsafeRawBufferPointer) -> Bool
) -> Int {
    guard let context else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    return take(exchange, UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}
