import Foundation
import PIMDomain

/// `approval` with `stages` (groups, v1.0) or `steps` (roles, beta).
struct ApprovalDTO: Decodable {
    struct Stage: Decodable {
        var id: String
        var displayName: String?
        var status: String?
        var assignedToMe: Bool?
        var reviewResult: String?
        var justification: String?
        var reviewedDateTime: Date?
        var reviewedBy: PrincipalDTO?

        enum CodingKeys: String, CodingKey {
            case id, displayName, status, assignedToMe, reviewResult, justification, reviewedDateTime, reviewedBy
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            displayName = c.lenient(String.self, forKey: .displayName)
            status = c.lenient(String.self, forKey: .status)
            assignedToMe = c.lenient(Bool.self, forKey: .assignedToMe)
            reviewResult = c.lenient(String.self, forKey: .reviewResult)
            justification = c.lenient(String.self, forKey: .justification)
            reviewedDateTime = c.lenient(Date.self, forKey: .reviewedDateTime)
            // v1.0 documents one `identity`, beta a collection of `userIdentity`: accept both.
            reviewedBy =
                c.lenient(PrincipalDTO.self, forKey: .reviewedBy)
                ?? c.lenient([PrincipalDTO].self, forKey: .reviewedBy)?.first
        }

        var stage: ApprovalStage {
            ApprovalStage(
                id: id, displayName: displayName, status: status ?? "Unknown",
                assignedToMe: assignedToMe ?? false,
                reviewResult: ReviewResult(graphValue: reviewResult ?? "NotReviewed"),
                justification: justification,
                reviewedBy: reviewedBy.flatMap { $0.id == nil ? nil : $0.principal(fallbackId: "") },
                reviewedAt: reviewedDateTime)
        }
    }

    var id: String
    var stages: [Stage]

    enum CodingKeys: String, CodingKey { case id, stages, steps }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        stages = c.lenient([Stage].self, forKey: .stages) ?? c.lenient([Stage].self, forKey: .steps) ?? []
    }

    var approval: Approval { Approval(id: id, stages: stages.map(\.stage)) }
}
