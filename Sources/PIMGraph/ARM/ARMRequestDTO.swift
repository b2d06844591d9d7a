import Foundation
import PIMDomain

/// A role assignment schedule request of ARM (Z5 answers, Z8 listings).
struct ARMRequestDTO: Decodable {
    struct Properties: Decodable {
        var scope: String
        var roleDefinitionId: String
        var principalId: String?
        var requestType: String?
        var status: String?
        var approvalId: String?
        var justification: String?
        var requestorId: String?
        var createdOn: Date?
        var scheduleInfo: ScheduleRequestDTO.Schedule?
        var ticketInfo: ScheduleRequestDTO.Ticket?
        var linkedRoleEligibilityScheduleId: String?
        var expandedProperties: ARMExpandedProperties?

        enum CodingKeys: String, CodingKey {
            case scope, roleDefinitionId, principalId, requestType, status, approvalId, justification, requestorId
            case createdOn, scheduleInfo, ticketInfo, linkedRoleEligibilityScheduleId, expandedProperties
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            scope = try c.decode(String.self, forKey: .scope)
            roleDefinitionId = try c.decode(String.self, forKey: .roleDefinitionId)
            principalId = c.lenient(String.self, forKey: .principalId)
            requestType = c.lenient(String.self, forKey: .requestType)
            status = c.lenient(String.self, forKey: .status)
            approvalId = c.lenient(String.self, forKey: .approvalId)
            justification = c.lenient(String.self, forKey: .justification)
            requestorId = c.lenient(String.self, forKey: .requestorId)
            createdOn = c.lenient(Date.self, forKey: .createdOn)
            scheduleInfo = c.lenient(ScheduleRequestDTO.Schedule.self, forKey: .scheduleInfo)
            ticketInfo = c.lenient(ScheduleRequestDTO.Ticket.self, forKey: .ticketInfo)
            linkedRoleEligibilityScheduleId = c.lenient(String.self, forKey: .linkedRoleEligibilityScheduleId)
            expandedProperties = c.lenient(ARMExpandedProperties.self, forKey: .expandedProperties)
        }
    }

    var name: String
    var properties: Properties

    enum CodingKeys: String, CodingKey { case name, properties }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        properties = try c.decode(Properties.self, forKey: .properties)
    }

    /// The domain request: id = the request's `name`, its target at `properties.scope`, the approval id
    /// as the last segment of `approvalId` (which may come as a path).
    func request(names: ARMScopeNames) -> ElevationRequest {
        let p = properties
        let expanded = p.expandedProperties
        let target = ElevationTarget(
            id: .azure(roleDefinitionId: p.roleDefinitionId, scope: p.scope),
            displayName: expanded?.roleDefinition?.displayName ?? ARMEndpoints.lastSegment(p.roleDefinitionId),
            scopeName: names.name(of: p.scope, expanded: expanded?.scope?.displayName))
        let principalId = p.principalId ?? expanded?.principal?.id ?? p.requestorId ?? ""
        let ticket = p.ticketInfo.flatMap { t -> TicketInfo? in
            let info = TicketInfo(number: t.ticketNumber, system: t.ticketSystem)
            return info.isEmpty ? nil : info
        }
        return ElevationRequest(
            id: name, target: target, action: RequestAction(graphValue: p.requestType ?? ""),
            status: RequestStatus(armValue: p.status ?? "Unknown"),
            principal: Principal(
                id: principalId, displayName: expanded?.principal?.displayName,
                userPrincipalName: expanded?.principal?.email),
            createdAt: p.createdOn, justification: p.justification, ticket: ticket,
            start: p.scheduleInfo?.startDateTime,
            duration: p.scheduleInfo?.expiration?.duration.flatMap { try? ActivationDuration(parsing: $0) },
            end: p.scheduleInfo?.expiration?.endDateTime,
            approvalId: p.approvalId.flatMap { $0.isEmpty ? nil : ARMEndpoints.lastSegment($0) })
    }
}

extension RequestStatus {
    /// ARM's 22 request statuses (contract §4.3) onto the domain's: Graph's names read as they are, ARM's
    /// own grouped by what they mean to the user (waiting, granted, refused, failed); an unknown one kept.
    init(armValue: String) {
        switch armValue.lowercased() {
        case "adminapproved": self = .granted
        case "admindenied": self = .denied
        case "failedasresourceislocked", "timedout", "invalid": self = .failed
        case "pendingapprovalprovisioning": self = .pendingApproval
        case "accepted", "pendingevaluation", "provisioningstarted", "pendingexternalprovisioning",
            "pendingrevocation":
            self = .pendingProvisioning
        default: self.init(graphValue: armValue)
        }
    }
}
