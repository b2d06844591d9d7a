import Foundation
import PIMDomain

extension ARMRoleService {
    /// The requests with who decided them and why, from their approvals' stages (Z10): one batch for
    /// the decided requests whose approval has not been read yet. A decision never changes, so what an
    /// approval said (a review, or none: cancelled, expired, or gone with a 404) is remembered and not
    /// asked again; an approval that could not be read this time leaves its request without a review.
    func withReviews(_ requests: [ElevationRequest]) async -> [ElevationRequest] {
        var requests = requests
        let decided = requests.indices.filter { Self.mayCarryReview(requests[$0]) }
        guard !decided.isEmpty else { return requests }
        var known = state.read(\.reviews)
        var unread: [String: String] = [:]
        for index in decided where known[Self.reviewKey(requests[index])] == nil {
            unread[Self.reviewKey(requests[index])] = requests[index].approvalId
        }
        if !unread.isEmpty {
            let reads = unread.sorted { $0.key < $1.key }.enumerated().map { n, entry in
                (
                    key: entry.key,
                    item: ARMBatchItem(name: "review\(n)", request: ARMEndpoints.approval(id: entry.value))
                )
            }
            let responses = (try? await batch.send(reads.map(\.item))) ?? [:]
            var learned: [String: Review?] = [:]
            for read in reads {
                guard let response = responses[read.item.name] else { continue }
                if response.status == 404 {
                    learned[read.key] = .some(nil)
                } else if (200..<300).contains(response.status),
                    let dto = try? client.decode(ARMApprovalDTO.self, from: response)
                {
                    learned[read.key] = .some(Review(deciding: dto.approval))
                }
            }
            if !learned.isEmpty { state.update { $0.reviews.merge(learned) { _, new in new } } }
            known.merge(learned) { _, new in new }
        }
        for index in decided {
            requests[index].review = known[Self.reviewKey(requests[index])] ?? nil
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
