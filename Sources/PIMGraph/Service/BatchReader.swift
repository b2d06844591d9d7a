import Foundation
import PIMDomain

/// Collects the answers of one or more batches and reads each item as a value or a list (following
/// its `@odata.nextLink` by plain GET), recording per-section failures instead of throwing.
struct BatchReader {
    let client: GraphClient
    var responses: [String: HTTPResponse] = [:]
    /// When this read began: every list it follows shares one listing deadline, so a dashboard of
    /// seven sections cannot take seven times as long.
    let started: Date

    init(client: GraphClient) {
        self.client = client
        started = client.clock.now()
    }

    mutating func load(_ items: [BatchItem], version: GraphVersion = .v1) async throws {
        guard !items.isEmpty else { return }
        responses.merge(try await client.batch(items, version: version)) { _, new in new }
    }

    var successCount: Int { responses.values.filter { (200..<300).contains($0.status) }.count }

    func one<T: Decodable>(
        _ type: T.Type, _ id: String, section: DashboardSection,
        into failures: inout [DashboardSection: PIMError]
    ) -> T? {
        guard let response = responses[id] else { return nil }
        do { return try client.decode(T.self, from: response) } catch {
            if failures[section] == nil { failures[section] = PIMError.wrap(error) }
            return nil
        }
    }

    func list<T: Decodable>(
        _ type: T.Type, _ id: String, section: DashboardSection,
        into failures: inout [DashboardSection: PIMError]
    ) async -> [T] {
        guard let response = responses[id] else { return [] }
        do { return try await client.collect(T.self, from: response, started: started) } catch {
            if failures[section] == nil { failures[section] = PIMError.wrap(error) }
            return []
        }
    }

    /// nil when the read failed (recorded) or was not made, so the cache keeps what it had.
    func policyAssignments(
        _ id: String, section: DashboardSection,
        into failures: inout [DashboardSection: PIMError]
    ) -> [PolicyAssignmentDTO]? {
        guard let response = responses[id] else { return nil }
        do { return try client.decode(GraphPage<PolicyAssignmentDTO>.self, from: response).value } catch {
            if failures[section] == nil { failures[section] = PIMError.wrap(error) }
            return nil
        }
    }

    /// The list, or why it could not be read.
    func listResult<T: Decodable>(_ type: T.Type, _ id: String) async -> Result<[T], PIMError> {
        guard let response = responses[id] else {
            return .failure(PIMError(.service, "Graph's batch answer left out a request", step: .tryAgain))
        }
        do { return .success(try await client.collect(T.self, from: response, started: started)) } catch {
            return .failure(PIMError.wrap(error))
        }
    }
}
