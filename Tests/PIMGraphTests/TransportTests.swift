import CCurl
import Foundation
import LoopbackHTTP
import Testing
@testable import PIMGraph

/// libcurl's result → TransportError: whether a write may have reached the service decides what happens next.
struct TransportTests {
    @Test(arguments: [
        (CURLE_OPERATION_TIMEDOUT, true, TransportError.Kind.timedOut, true),
        (CURLE_OPERATION_TIMEDOUT, false, .timedOut, false),
        (CURLE_COULDNT_CONNECT, false, .cannotConnect, false),
        (CURLE_COULDNT_RESOLVE_HOST, false, .dnsFailure, false),
        (CURLE_RECV_ERROR, true, .connectionLost, true),
        (CURLE_SEND_ERROR, true, .connectionLost, true),
        (CURLE_GOT_NOTHING, true, .connectionLost, true),
        (CURLE_PEER_FAILED_VERIFICATION, false, .tlsFailure, false),
        (CURLE_SSL_CONNECT_ERROR, false, .tlsFailure, false),
        (CURLE_FILESIZE_EXCEEDED, true, .tooLarge, true),
        (CURLE_WEIRD_SERVER_REPLY, true, .malformedAnswer, true),
        (CURLE_UNSUPPORTED_PROTOCOL, false, .other, false),
    ])
    func curlResultsMap(code: CURLcode, sent: Bool, kind: TransportError.Kind, maybeSent: Bool) {
        let error = CurlFailure.transportError(code: code, refusal: nil, requestSent: sent)
        #expect(error.kind == kind)
        #expect(error.requestMayHaveBeenSent == maybeSent)
    }

    @Test func pimsOwnRefusalsNameWhatWasRefused() {
        let body = CurlFailure.transportError(
            code: CURLE_WRITE_ERROR, refusal: .bodyTooLarge(limit: 2 * 1_048_576), requestSent: true)
        #expect(body.kind == .tooLarge && body.message == "at most 2 MB")
        let head = CurlFailure.transportError(
            code: CURLE_WRITE_ERROR, refusal: .head(.controlCharacters), requestSent: true)
        #expect(head.kind == .malformedAnswer)
        #expect(!head.isWorthRetrying && !body.isWorthRetrying)
    }

    @Test func aHeaderWithAnEscapeIsRefusedAndInterimHeadsAreForgotten() {
        var head = ResponseHead()
        var taken: [Bool] = []
        for line in ["HTTP/1.1 100 Continue\r\n", "X-Interim: yes\r\n", "HTTP/1.1 200 OK\r\n", "request-id: abc\r\n"] {
            taken.append(head.feed(line))
        }
        #expect(taken == [true, true, true, true])
        #expect(head.headers == ["request-id": "abc"])
        let escaped = head.feed("request-id: \u{1B}[2J\r\n")
        #expect(!escaped)
        #expect(head.refusal == .controlCharacters)
    }

    @Test func aHeadLongerThanTheLimitIsRefused() {
        var head = ResponseHead()
        let line = "X-Filler: " + String(repeating: "a", count: 1000) + "\r\n"
        var accepted = 0
        while head.feed(line) { accepted += 1 }
        #expect(head.refusal == .tooLarge)
        #expect(accepted * line.utf8.count <= ResponseHead.limit)
    }

    @Test func aBodyStopsAtItsLimitAndKeepsNothingBeyond() {
        var body = BoundedBody(limit: 10)
        let chunk = Data("123456".utf8)
        let first = chunk.withUnsafeBytes { body.append($0) }
        let second = chunk.withUnsafeBytes { body.append($0) }
        #expect(first && !second)
        #expect(body.data.count == 6 && body.exceeded)
    }
}

extension ResponseHead {
    mutating func feed(_ line: String) -> Bool { Data(line.utf8).withUnsafeBytes { take($0) } }
}

/// The answers the `transport` fuzz target starts from, answered by a one-shot server on 127.0.0.1
/// and read through libcurl with the fuzzer's 64 KiB limit: the target really reaches the transport's
/// reading (not a connection failure every time).
struct TransportReadingTests {
    static func read(_ seed: String) async throws -> Result<HTTPResponse, TransportError> {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/transport/\(seed)")
        let port = try #require(LoopbackSocket.answerOnce(try Data(contentsOf: corpus)))
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/v1.0/me")!, timeout: 5)
        do {
            return .success(try await CurlTransport(bodyLimit: 64 * 1024).send(request))
        } catch let error as TransportError {
            return .failure(error)
        }
    }

    @Test(arguments: ["plain", "chunked", "gzip", "deflate"])
    func aReadableAnswerArrivesWhole(seed: String) async throws {
        let response = try await Self.read(seed).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"id":"5a1f6c2e","displayName":"Ada Admin"}"#)
    }

    @Test func aCompressedAnswerOverTheLimitIsRefused() async throws {
        guard case .failure(let error) = try await Self.read("gzip-over-limit") else {
            Issue.record("accepted"); return
        }
        #expect(error.kind == .tooLarge)
    }

    @Test func anEscapeInAHeaderIsAMalformedAnswer() async throws {
        guard case .failure(let error) = try await Self.read("escape-in-header") else {
            Issue.record("accepted"); return
        }
        #expect(error.kind == .malformedAnswer)
    }

    @Test func aRedirectIsHandedBackAsTheAnswer() async throws {
        let response = try await Self.read("redirect").get()
        #expect(response.status == 302)
        #expect(response.header("Location") == "http://evil.example/v1.0/me")
    }
}
