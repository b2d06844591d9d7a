import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSession delegate that gathers each answer, refusing one longer than `limit` bytes as soon as
/// its `Content-Length` or its bytes say so: a broken proxy or a hostile endpoint at `--graph-url`
/// must not grow pim's memory without bound. `session.data(for:)` would buffer any length.
///
/// `@unchecked Sendable`: URLSession calls the delegate on its own queue; every mutable value lives in
/// the `Mutex`, and each continuation is taken out of it before it is resumed, so it resumes once.
final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Pending {
        var data = Data()
        var response: URLResponse?
        var continuation: CheckedContinuation<(Data, URLResponse), any Error>
    }

    let limit: Int
    private let pending = Mutex<[Int: Pending]>([:])

    init(limit: Int) { self.limit = limit }

    /// Starts `request` on `session` (whose delegate is this collector) and returns its answer.
    func data(for request: URLRequest, in session: URLSession) async throws -> (Data, URLResponse) {
        let task = session.dataTask(with: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                pending.withLock { $0[task.taskIdentifier] = Pending(continuation: continuation) }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if response.expectedContentLength > Int64(limit) {
            refuse(dataTask, length: response.expectedContentLength)
            completionHandler(.cancel)
            return
        }
        pending.withLock { $0[dataTask.taskIdentifier]?.response = response }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let length = pending.withLock { state -> Int in
            state[dataTask.taskIdentifier]?.data.append(data)
            return state[dataTask.taskIdentifier]?.data.count ?? 0
        }
        if length > limit { refuse(dataTask, length: Int64(length)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let finished = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let error {
            finished.continuation.resume(throwing: error)
        } else if let response = finished.response ?? task.response {
            finished.continuation.resume(returning: (finished.data, response))
        } else {
            finished.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }

    private func refuse(_ task: URLSessionTask, length _: Int64) {
        guard let refused = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        task.cancel()
        let megabytes = limit / 1_048_576
        refused.continuation.resume(throwing: TransportError(.tooLarge, "at most \(megabytes) MB", requestMayHaveBeenSent: true))
    }
}
