import Foundation
import PIMDomain

/// A role eligibility or assignment schedule instance of ARM (Z1, Z2, Z13): `{id, name, properties}`.
struct ARMInstanceDTO: Decodable {
    struct Properties: Decodable {
        var scope: String
        var roleDefinitionId: String
        var principalId: String?
        var principalType: String?
        var roleEligibilityScheduleId: String?
        var roleAssignmentScheduleId: String?
        var linkedRoleEligibilityScheduleId: String?
        var assignmentType: String?
        var memberType: String?
        var status: String?
        var startDateTime: Date?
        var endDateTime: Date?
        var expandedProperties: ARMExpandedProperties?

        enum CodingKeys: String, CodingKey {
            case scope, roleDefinitionId, principalId, principalType, roleEligibilityScheduleId
            case roleAssignmentScheduleId, linkedRoleEligibilityScheduleId, assignmentType, memberType, status
            case startDateTime, endDateTime, expandedProperties
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            scope = try c.decode(String.self, forKey: .scope)
            roleDefinitionId = try c.decode(String.self, forKey: .roleDefinitionId)
            principalId = c.lenient(String.self, forKey: .principalId)
            principalType = c.lenient(String.self, forKey: .principalType)
            roleEligibilityScheduleId = c.lenient(String.self, forKey: .roleEligibilityScheduleId)
            roleAssignmentScheduleId = c.lenient(String.self, forKey: .roleAssignmentScheduleId)
            linkedRoleEligibilityScheduleId = c.lenient(String.self, forKey: .linkedRoleEligibilityScheduleId)
            assignmentType = c.lenient(String.self, forKey: .assignmentType)
            memberType = c.lenient(String.self, forKey: .memberType)
            status = c.lenient(String.self, forKey: .status)
            startDateTime = c.lenient(Date.self, forKey: .startDateTime)
            endDateTime = c.lenient(Date.self, forKey: .endDateTime)
            expandedProperties = c.lenient(ARMExpandedProperties.self, forKey: .expandedProperties)
        }
    }

    var id: String?
    var name: String
    var properties: Properties

    enum CodingKeys: String, CodingKey { case id, name, properties }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = c.lenient(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        properties = try c.decode(Properties.self, forKey: .properties)
    }

    /// The target: the role as the instance carries it (full, scoped id) at `properties.scope`.
    func target(names: ARMScopeNames) -> ElevationTarget {
        let expanded = properties.expandedProperties
        return ElevationTarget(
            id: .azure(roleDefinitionId: properties.roleDefinitionId, scope: properties.scope),
            displayName: expanded?.roleDefinition?.displayName ?? ARMEndpoints.lastSegment(properties.roleDefinitionId),
            scopeName: names.name(of: properties.scope, expanded: expanded?.scope?.displayName))
    }

    var memberType: MemberType { MemberType(graphValue: properties.memberType ?? "Direct") }

    /// As an eligibility; its id is the eligibility schedule (what an activation links to).
    func eligibility(names: ARMScopeNames) -> Eligibility {
        Eligibility(
            id: properties.roleEligibilityScheduleId ?? name, target: target(names: names),
            principalId: properties.principalId ?? "", start: properties.startDateTime, end: properties.endDateTime,
            memberType: memberType)
    }

    /// As an active assignment; its id is the instance `name`.
    func assignment(names: ARMScopeNames) -> ActiveAssignment {
        let principal = properties.expandedProperties?.principal
        let principalId = properties.principalId ?? principal?.id ?? ""
        return ActiveAssignment(
            id: name, target: target(names: names),
            principal: Principal(
                id: principalId, displayName: principal?.displayName, userPrincipalName: principal?.email),
            start: properties.startDateTime, end: properties.endDateTime,
            assignmentType: AssignmentType(graphValue: properties.assignmentType ?? "Assigned"), memberType: memberType)
    }
}
