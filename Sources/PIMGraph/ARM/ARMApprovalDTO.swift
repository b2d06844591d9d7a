import Foundation
import PIMDomain

/// A `roleAssignmentApproval` (Z9, Z10): `{id, name, properties:{stages:[…]}}`. Older revisions of the
/// preview spec say `steps`; both are read.
struct ARMApprovalDTO: Decodable {
    struct Stage: Decodable {
        struct Properties: Decodable {
            var displayName: String?
            var status: String?
            var assignedToMe: Bool?
            var reviewResult: String?
            var justification: String?
            var reviewedDateTime: Date?
            var reviewedBy: Reviewer?
        }
        struct Reviewer: Decodable {
            var principalId: String?
            var principalName: String?
            var userPrincipalName: String?
        }

        var id: String
        var properties: Properties?

        enum CodingKeys: String, CodingKey { case id, name, properties }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            // The id addresses the stage (its name can differ from the id's last segment).
            guard let id = c.lenient(String.self, forKey: .id) ?? c.lenient(String.self, forKey: .name) else {
                throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "A stage without an id")
            }
            self.id = id
            properties = c.lenient(Properties.self, forKey: .properties)
        }

        var stage: ApprovalStage {
            let p = properties
            let reviewer = p?.reviewedBy.flatMap { who -> Principal? in
                guard let id = who.principalId, !id.isEmpty else { return nil }
                return Principal(id: id, displayName: who.principalName, userPrincipalName: who.userPrincipalName)
            }
            return ApprovalStage(
                id: id, displayName: p?.displayName, status: p?.status ?? "Unknown",
                assignedToMe: p?.assignedToMe ?? false,
                reviewResult: ReviewResult(graphValue: p?.reviewResult ?? "NotReviewed"),
                justification: p?.justification.flatMap { $0.isEmpty ? nil : $0 }, reviewedBy: reviewer,
                reviewedAt: p?.reviewedDateTime)
        }
    }

    struct Properties: Decodable {
        var stages: [Stage]
        enum CodingKeys: String, CodingKey { case stages, steps }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            stages =
                c.lenient([Lenient<Stage>].self, forKey: .stages)?.compactMap(\.value)
                ?? c.lenient([Lenient<Stage>].self, forKey: .steps)?.compactMap(\.value) ?? []
        }
    }

    var name: String
    var stages: [Stage]

    enum CodingKeys: String, CodingKey { case id, name, properties }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = c.lenient(String.self, forKey: .id)
        guard let name = c.lenient(String.self, forKey: .name) ?? id.map(ARMEndpoints.lastSegment) else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription: "An approval without a name")
        }
        self.name = name
        stages = c.lenient(Properties.self, forKey: .properties)?.stages ?? []
    }

    /// The domain approval; its id is the approval's name, which a request's `approvalId` ends with.
    var approval: Approval { Approval(id: name, stages: stages.map(\.stage)) }
}
