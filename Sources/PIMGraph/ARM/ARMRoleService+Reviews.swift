import Foundation
import PIMDomain

extension ARMRoleService {
    /// One approval read (Z10) a decided request still needs, under its remembered key.
    struct ReviewRead {
        var key: String
        var item: ARMBatchItem
    }

    /// The requests with who decided them and why, from their approvals' stages: one batch for the
    /// decided requests whose approval has not been read yet.
    public func withReviews(_ requests: [ElevationRequest]) async -> [ElevationRequest] {
        let reads = reviewReads(requests)
        let responses = reads.isEmpty ? [:] : (try? await batch.send(reads.map(\.item))) ?? [:]
        return applyingReviews(to: requests, reads: reads, responses: responses)
    }

    /// The approval reads `requests` need: one per decided request whose approval this process has
    /// not read yet (a decision never changes, so what an approval said is read once).
    func reviewReads(_ requests: [ElevationRequest]) -> [ReviewRead] {
        let known = state.read(\.reviews)
        var unread: [String: String] = [:]
        for request in requests where Self.mayCarryReview(request) && known[Self.reviewKey(request)] == nil {
            unread[Self.reviewKey(request)] = request.approvalId
        }
        return unread.sorted { $0.key < $1.key }.enumerated().map { n, entry in
            ReviewRead(
                key: entry.key, item: ARMBatchItem(name: "review\(n)", request: ARMEndpoints.approval(id: entry.value)))
        }
    }

    /// Remembers what `reads` answered (a review, or none: cancelled, expired, or gone with a 404; a
    /// read that failed otherwise is asked again next time) and gives each decided request its review.
    func applyingReviews(
        to requests: [ElevationRequest], reads: [ReviewRead], responses: [String: HTTPResponse]
    ) -> [ElevationRequest] {
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
        let known = state.read(\.reviews)
        var requests = requests
        for index in requests.indices where Self.mayCarryReview(requests[index]) {
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
