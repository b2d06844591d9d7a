import Foundation
import PIMGraph
import Synchronization

/// Graph's answers recorded from the simulated tenant and played back, so the memory probe can
/// measure a client that talks to a remote service (as `pim` does against Graph) without the
/// tenant's own state and JSON in the same process. Each exchange is keyed by method, URL and
/// body; both runs use deterministic hashing so the client builds the same batches in the same order.
enum ReplayFiles {
    static func key(_ request: HTTPRequest) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(request.method.utf8) + Array(request.url.absoluteString.utf8) + [0]
            + [UInt8](request.body ?? Data())
        {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// `status`, a newline, the headers as JSON, a newline, then the body.
    static func write(_ response: HTTPResponse, for request: HTTPRequest, in directory: URL) throws {
        var data = Data("\(response.status)\n".utf8)
        data += try JSONSerialization.data(withJSONObject: response.headers) + Data("\n".utf8)
        data += response.body
        try data.write(to: directory.appendingPathComponent(key(request)))
    }

    static func read(for request: HTTPRequest, in directory: URL) throws -> HTTPResponse {
        let data = try Data(contentsOf: directory.appendingPathComponent(key(request)))
        guard let first = data.firstIndex(of: 0x0A), let second = data[(first + 1)...].firstIndex(of: 0x0A),
            let status = Int(String(decoding: data[..<first], as: UTF8.self)),
            let headers = try JSONSerialization.jsonObject(with: data[(first + 1)..<second]) as? [String: String]
        else {
            throw BenchError("A recorded answer is damaged; run the benchmark again.")
        }
        return HTTPResponse(status: status, headers: headers, body: Data(data[(second + 1)...]))
    }
}

/// Passes each exchange to the tenant and keeps its answer.
struct RecordingTransport: Transport {
    let tenant: any Transport
    let directory: URL

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await tenant.send(request)
        try ReplayFiles.write(response, for: request, in: directory)
        return response
    }
}

/// Answers each exchange from the recording, reading it from disk when asked, as a network would deliver it.
struct ReplayTransport: Transport {
    let directory: URL

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try ReplayFiles.read(for: request, in: directory)
    }
}

/// Any token: the recording was made signed in.
struct ReplayToken: TokenProvider {
    func accessToken(claims: String?) async throws -> String { "replay" }
}
