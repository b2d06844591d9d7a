import Foundation
import PIMDomain

extension GraphPIMService {
    /// The requests with who decided them and why, read from their approvals: one batch per API
    /// version (role approvals are beta, group approvals v1.0), only for decided requests that went
    /// through approval. An approval that cannot be read leaves its request without a review.
    func withReviews(_ requests: [ElevationRequest]) async -> [ElevationRequest] {
        var requests = requests
        let decided = requests.indices.filter { Self.mayCarryReview(requests[$0]) }
        guard !decided.isEmpty else { return requests }
        var reader = BatchReader(client: client)
        for family in Endpoints.graphFamilies {
            guard let api = try? Endpoints.of(family) else { continue }
            let reads = decided.filter { requests[$0].target.kind.family == family }.map {
                BatchItem(id: "r\($0)", request: api.approval(id: Self.approvalId(requests[$0])))
            }
            guard !reads.isEmpty else { continue }
            try? await reader.load(reads, version: api.approvalVersion)
        }
        var ignored: [DashboardSection: PIMError] = [:]
        for index in decided {
            let approval = reader.one(ApprovalDTO.self, "r\(index)", section: .myRequests, into: &ignored)?.approval
            requests[index].review = approval.flatMap(Review.init(deciding:))
        }
        return requests
    }

    /// A request an approver decided: it names an approval and no longer waits.
    static func mayCarryReview(_ request: ElevationRequest) -> Bool {
        guard let approvalId = request.approvalId, !approvalId.isEmpty, !request.status.isPending else { return false }
        return request.target.kind.family != .azure
    }
}

extension GraphPIMService: DecisionHistory {
    /// Role, group and Azure requests I approved or denied, newest decision first, each with my review:
    /// the requests I am an approver of, decided ones kept when their approval names me as the reviewer.
    /// Who I am (`/me`, when not known yet), the Graph batch and the ARM reads go out together.
    public func myDecisions() async throws -> [ElevationRequest] {
        async let azurePart = azureListing(.history) { try await $0.decidedRequests() }
        async let me = wrapped { try await myId() }
        let graph = try await graphDecisions()
        return Self.decidedBy(try await me, graph + (try await azurePart))
    }

    /// The role and group requests I may approve that were decided, each with its review.
    func graphDecisions() async throws -> [ElevationRequest] {
        try await wrapped {
            var reader = BatchReader(client: client)
            try await reader.load([
                .init(id: ReadID.decidedRoles, request: Endpoints.Roles.asApprover()),
                .init(id: ReadID.decidedGroups, request: Endpoints.Groups.asApprover()),
            ])
            let lists = try Self.whole([
                (.history, await reader.listResult(ScheduleRequestDTO.self, ReadID.decidedRoles)),
                (.history, await reader.listResult(ScheduleRequestDTO.self, ReadID.decidedGroups)),
            ])
            let names = state.read { $0.names }
            return await withReviews(lists.map { $0.request(names: names) })
        }
    }

    /// The requests whose review names `me`, newest decision first.
    static func decidedBy(_ me: String, _ requests: [ElevationRequest]) -> [ElevationRequest] {
        requests.filter { $0.review?.reviewer?.id.caseInsensitiveCompare(me) == .orderedSame }
            .sorted { ($0.review?.reviewedAt ?? .distantPast) > ($1.review?.reviewedAt ?? .distantPast) }
    }
}

extension GraphPIMService: ReviewLookup {
    /// Who decided each request: Azure requests from their approvals in ARM (which remembers what it
    /// read), the rest from Graph's approval batch; both go out together. An approval that cannot be
    /// read, or Azure without a token, leaves its request out of the answer.
    public func reviews(of requests: [ElevationRequest]) async -> [String: Review] {
        let isAzure: (ElevationRequest) -> Bool = { $0.target.kind.family.isAzureResourceManager }
        let azureRequests = requests.filter(isAzure)
        async let azurePart = azureReviewed(azureRequests)
        let graphPart = await withReviews(requests.filter { !isAzure($0) })
        var reviews: [String: Review] = [:]
        for request in graphPart + (await azurePart) {
            if let review = request.review, reviews[request.id] == nil { reviews[request.id] = review }
        }
        return reviews
    }

    private func azureReviewed(_ requests: [ElevationRequest]) async -> [ElevationRequest] {
        guard let azure, !requests.isEmpty else { return [] }
        return await azure.withReviews(requests)
    }
}
