import Foundation
import PIMDomain

/// `requestSchedule` as sent: a start and an expiration. Graph wants `afterDuration` with an ISO 8601
/// duration for activations (`recurrence` is unsupported and left out).
struct RequestScheduleBody: Encodable, Hashable, Sendable {
    struct Expiration: Encodable, Hashable, Sendable {
        var type: String
        var duration: String?
        var endDateTime: String?
    }
    var startDateTime: String
    var expiration: Expiration

    static func afterDuration(start: Date, _ duration: ActivationDuration) -> RequestScheduleBody {
        RequestScheduleBody(
            startDateTime: GraphDate.string(start),
            expiration: .init(type: "afterDuration", duration: duration.iso8601))
    }

    static func afterDateTime(start: Date, end: Date) -> RequestScheduleBody {
        RequestScheduleBody(
            startDateTime: GraphDate.string(start),
            expiration: .init(type: "afterDateTime", endDateTime: GraphDate.string(end)))
    }
}

/// `ticketInfo` as sent.
struct TicketInfoBody: Encodable, Hashable, Sendable {
    var ticketNumber: String?
    var ticketSystem: String?

    init?(_ ticket: TicketInfo?) {
        guard let ticket, !ticket.isEmpty else { return nil }
        ticketNumber = ticket.number
        ticketSystem = ticket.system
    }
}

/// Body of `POST /roleManagement/directory/roleAssignmentScheduleRequests` (camelCase enum values
/// as the schema spells them; absent fields are left out, not sent as null).
struct RoleScheduleRequestBody: Encodable, Hashable, Sendable {
    var action: String
    var principalId: String
    var roleDefinitionId: String
    var directoryScopeId: String
    var justification: String?
    var scheduleInfo: RequestScheduleBody?
    var ticketInfo: TicketInfoBody?
    var isValidationOnly: Bool?
}

/// Body of `POST /identityGovernance/privilegedAccess/group/assignmentScheduleRequests`.
struct GroupScheduleRequestBody: Encodable, Hashable, Sendable {
    var accessId: String
    var principalId: String
    var groupId: String
    var action: String
    var justification: String?
    var scheduleInfo: RequestScheduleBody?
    var ticketInfo: TicketInfoBody?
    var isValidationOnly: Bool?
}

/// Body of the approval PATCH (`stages/{id}` for groups, beta `steps/{id}` for roles).
struct ReviewBody: Encodable, Hashable, Sendable {
    var reviewResult: String
    var justification: String
}

/// What a schedule request says, independent of roles or groups; the endpoint builders turn it into
/// the right body for the target's kind.
struct ScheduleRequestSpec: Hashable, Sendable {
    var action: RequestAction
    var target: TargetID
    var principalId: String
    var justification: String?
    var ticket: TicketInfo?
    var schedule: RequestScheduleBody?
    var validationOnly: Bool = false
}
