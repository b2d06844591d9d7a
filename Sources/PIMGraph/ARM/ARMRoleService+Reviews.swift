import Foundation
import PIMDomain

extension ARMRoleService {
    /// The requests with who decided them and why, from their approvals' stages (Z10): one batch for
    /// the decided requests whose approval has not been read yet; a decision never changes, so an
    /// approval read once is remembered. An approval that cannot be read leaves its request without one.
    func withReviews(_ requests: [ElevationRequest]) async -> [ElevationRequest] {
        var requests = requests
        let decided = requests.indices.filter { Self.mayCarryReview(requests[$0]) }
        guard !decided.isEmpty else { return requests }
        let known = state.read(\.reviews)
        var unread: [String: String] = [:]
        for index in decided {
            let key = Self.reviewKey(requests[index])
            if known[key] == nil { unread[key] = requests[index].approvalId }
        }
        var learned: [String: Review] = [:]
        if !unread.isEmpty {
            let items = unread.keys.sorted().enumerated().map { n, key in
                ARMBatchItem(name: "review\(n)", request: ARMEndpoints.approval(id: unread[key]!))
            }
            let responses = (try? await batch.send(items)) ?? [:]
            for (item, key) in zip(items, unread.keys.sorted()) {
                guard let response = responses[item.name], (200..<300).contains(response.status),
                    let dto = try? client.decode(ARMApprovalDTO.self, from: response),
                    let review = Review(deciding: dto.approval)
                else { continue }
                learned[key] = review
            }
            if !learned.isEmpty { state.update { $0.reviews.merge(learned) { _, new in new } } }
        }
        for index in decided {
            let key = Self.reviewKey(requests[index])
            requests[index].review = learned[key] ?? known[key]
        }
        return requests
    }

    /// A request an approver decided: it names an approval and no longer waits.
    static func mayCarryReview(_ request: ElevationRequest) -> Bool {
        guard let approvalId = request.approvalId, !approvalId.isEmpty else { return false }
        return !request.status.isPending
    }

    static func reviewKey(_ request: ElevationRequest) -> String {
        ARMEndpoints.lastSegment(request.approvalId ?? "").lowercased()
    }

    /// The decided requests I may approve (Z8 `asApprover()` lists decided ones too), each with who
    /// decided it from its approval's deciding stage.
    public func decidedRequests() async throws -> [ElevationRequest] {
        let names = state.read(\.names)
        let requests = try await client.collect(ARMRequestDTO.self, ARMEndpoints.requests(.asApprover))
        return await withReviews(requests.map { $0.request(names: names) }.filter(Self.mayCarryReview))
    }
}
