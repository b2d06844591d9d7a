import Foundation

/// The body of `PUT …/roleAssignmentScheduleRequests/{name}` as the service binds it, checked
/// property by property: required members, the PascalCase `requestType`, ISO 8601 dates and durations,
/// a role definition id spelled for the scope.
struct ARMRequestBody {
    var principalId: String
    var roleId: String
    var requestType: String
    var linkedEligibilityScheduleId: String?
    var justification: String?
    var ticketNumber: String?
    var ticketSystem: String?
    var start: Date?
    var expirationType: String?
    var durationText: String?
    var durationSeconds: Int?
    var endDateTime: Date?
    var targetScheduleId: String?
    var targetInstanceId: String?

    static let requestTypes = [
        "AdminAssign", "AdminRemove", "AdminUpdate", "AdminExtend", "AdminRenew", "SelfActivate", "SelfDeactivate",
        "SelfExtend", "SelfRenew",
    ]
    static let expirationTypes = ["AfterDuration", "AfterDateTime", "NoExpiration"]

    init(_ json: SimJSON, scope: ARMScope) throws(ARMFailure) {
        guard let p = json.member(ignoringCase: "properties"), p.objectMembers != nil else {
            throw ARMFailure.invalidContent("the 'properties' object is required.")
        }
        func string(_ name: String, required: Bool = false) throws(ARMFailure) -> String? {
            let value = p.member(ignoringCase: name)
            if value == nil || value?.isNull == true {
                if required {
                    throw ARMFailure.badRequest(
                        "MissingRequiredProperty", "The required property 'properties.\(name)' is missing.")
                }
                return nil
            }
            guard let text = value?.stringValue else {
                throw ARMFailure.invalidContent("'properties.\(name)' must be a string.")
            }
            if required, text.isEmpty {
                throw ARMFailure.badRequest(
                    "MissingRequiredProperty", "The required property 'properties.\(name)' is empty.")
            }
            return text
        }
        principalId = try string("principalId", required: true) ?? ""
        let type = try string("requestType", required: true) ?? ""
        guard Self.requestTypes.contains(type) else {
            throw ARMFailure.badRequest(
                "InvalidRequestType",
                """
                The value '\(type)' is not valid for 'properties.requestType'; use one of \
                \(Self.requestTypes.joined(separator: ", ")).
                """
            )
        }
        requestType = type
        let definition = try string("roleDefinitionId", required: true) ?? ""
        roleId = try Self.roleId(definition, scope: scope)
        linkedEligibilityScheduleId = try string("linkedRoleEligibilityScheduleId").map(Self.lastSegment)
        justification = try string("justification")
        targetScheduleId = try string("targetRoleAssignmentScheduleId").map(Self.lastSegment)
        targetInstanceId = try string("targetRoleAssignmentScheduleInstanceId").map(Self.lastSegment)
        if let ticket = p.member(ignoringCase: "ticketInfo"), !ticket.isNull {
            guard ticket.objectMembers != nil else {
                throw ARMFailure.invalidContent("'ticketInfo' must be an object.")
            }
            ticketNumber = ticket.member(ignoringCase: "ticketNumber")?.stringValue
            ticketSystem = ticket.member(ignoringCase: "ticketSystem")?.stringValue
        }
        if let schedule = p.member(ignoringCase: "scheduleInfo"), !schedule.isNull {
            try readSchedule(schedule)
        }
    }

    private mutating func readSchedule(_ schedule: SimJSON) throws(ARMFailure) {
        guard schedule.objectMembers != nil else {
            throw ARMFailure.invalidContent("'scheduleInfo' must be an object.")
        }
        if let s = schedule.member(ignoringCase: "startDateTime"), !s.isNull {
            guard let text = s.stringValue, let date = GraphDate.parse(text) else {
                throw ARMFailure.invalidContent("'scheduleInfo.startDateTime' is not an ISO 8601 date and time.")
            }
            start = date
        }
        guard let expiration = schedule.member(ignoringCase: "expiration"), !expiration.isNull else { return }
        let raw = expiration.member(ignoringCase: "type")?.stringValue ?? "NoExpiration"
        guard let type = Self.expirationTypes.first(where: { $0.caseInsensitiveCompare(raw) == .orderedSame }) else {
            throw ARMFailure.invalidContent(
                "'\(raw)' is not a valid expiration type; use AfterDuration, AfterDateTime or NoExpiration.")
        }
        expirationType = type
        if let d = expiration.member(ignoringCase: "duration"), !d.isNull {
            guard let text = d.stringValue, let seconds = try? ActivationTextParser.seconds(text) else {
                throw ARMFailure.invalidContent(
                    "'scheduleInfo.expiration.duration' is not an ISO 8601 duration such as PT8H.")
            }
            durationText = text
            durationSeconds = seconds
        }
        if let e = expiration.member(ignoringCase: "endDateTime"), !e.isNull {
            guard let text = e.stringValue, let date = GraphDate.parse(text) else {
                throw ARMFailure.invalidContent(
                    "'scheduleInfo.expiration.endDateTime' is not an ISO 8601 date and time.")
            }
            endDateTime = date
        }
        if type == "AfterDuration", durationSeconds == nil {
            throw ARMFailure.invalidContent("an AfterDuration expiration needs 'duration'.")
        }
        if type == "AfterDateTime", endDateTime == nil {
            throw ARMFailure.invalidContent("an AfterDateTime expiration needs 'endDateTime'.")
        }
    }

    /// Seconds the request asks for; nil when it asks for no end.
    func requestedSeconds(now: Date) -> Int? {
        switch expirationType {
        case "AfterDuration": durationSeconds
        case "AfterDateTime": endDateTime.map { Int($0.timeIntervalSince(start ?? now).rounded()) }
        default: nil
        }
    }

    /// The role GUID of a role definition id, which must be spelled for the scope: with the
    /// `/subscriptions/{id}` prefix below a subscription, without it at a management group.
    static func roleId(_ id: String, scope: ARMScope) throws(ARMFailure) -> String {
        let parts = id.split(separator: "/").map(String.init)
        let lower = parts.map { $0.lowercased() }
        let tail = ["providers", "microsoft.authorization", "roledefinitions"]
        let invalid = ARMFailure.badRequest(
            "InvalidRoleDefinitionId", "The role definition ID '\(id)' is not valid for the scope '\(scope.id)'.")
        guard id.hasPrefix("/"), parts.count >= 4, Array(lower.suffix(4).prefix(3)) == tail else { throw invalid }
        let prefix = Array(parts.prefix(parts.count - 4))
        if let sub = scope.subscriptionId {
            guard prefix.count == 2, lower[0] == "subscriptions", sameID(prefix[1], sub) else { throw invalid }
        } else {
            guard prefix.isEmpty else { throw invalid }
        }
        let guid = parts[parts.count - 1]
        guard let role = ARMRoleCatalog.role(guid) else {
            throw ARMFailure.notFound(
                "RoleDefinitionDoesNotExist", "The specified role definition with ID '\(guid)' does not exist.")
        }
        return role.id
    }

    static func lastSegment(_ id: String) -> String { id.split(separator: "/").last.map(String.init) ?? id }
}
