import Foundation

/// A schedule request body as the service binds it: property names without regard to case, enum
/// values in any case (answered in camelCase), required properties checked before any rule.
@dynamicMemberLookup
struct RequestBody {
    var action: String
    /// Who asks for what and why: read by name (`body.targetId`), kept whole by the request it makes.
    var ask: TenantAsk
    var isValidationOnly: Bool
    var start: Date?
    /// nil when `scheduleInfo` or its `expiration` is absent.
    var expirationType: String?
    var durationText: String?
    var durationSeconds: Int?
    var endDateTime: Date?

    static let actions = [
        "adminAssign", "adminUpdate", "adminRemove", "selfActivate", "selfDeactivate", "adminExtend",
        "adminRenew", "selfExtend", "selfRenew", "unknownFutureValue",
    ]
    static let expirationTypes = ["notSpecified", "noExpiration", "afterDateTime", "afterDuration"]

    init(_ json: SimJSON, kind: TargetKind) throws {
        func text(_ name: String) throws -> String? {
            guard let value = json.member(ignoringCase: name), !value.isNull else { return nil }
            guard let s = value.stringValue else {
                throw GraphFailure.badRequest("The property '\(name)' must be a string.")
            }
            return s
        }
        let enumType = kind == .role ? "unifiedRoleScheduleRequestActions" : "scheduleRequestActions"
        guard let rawAction = try text("action") else {
            throw GraphFailure.invalidRequest("The property 'action' is required.")
        }
        guard let action = Self.actions.first(where: { $0.caseInsensitiveCompare(rawAction) == .orderedSame }),
            action != "unknownFutureValue"
        else {
            throw GraphFailure.badRequest(
                "Cannot convert the literal '\(rawAction)' to the expected type 'microsoft.graph.\(enumType)'.")
        }
        self.action = action
        guard let principal = try text("principalId"), !principal.isEmpty else {
            throw GraphFailure.invalidRequest("The property 'principalId' is required.")
        }
        var ask = TenantAsk(principalId: principal, targetId: "", directoryScopeId: "/")
        if kind == .role {
            guard let role = try text("roleDefinitionId"), !role.isEmpty else {
                throw GraphFailure.invalidRequest("The property 'roleDefinitionId' is required.")
            }
            ask.targetId = role
            let scope = try text("directoryScopeId")
            let appScope = try text("appScopeId")
            guard scope != nil || appScope != nil else {
                throw GraphFailure.invalidRequest(
                    "Either 'directoryScopeId' or 'appScopeId' is required; use '/' for the whole tenant.")
            }
            ask.directoryScopeId = scope ?? "/"
        } else {
            guard let group = try text("groupId"), !group.isEmpty else {
                throw GraphFailure.invalidRequest("The property 'groupId' is required.")
            }
            ask.targetId = group
            guard let access = try text("accessId") else {
                throw GraphFailure.invalidRequest("The property 'accessId' is required.")
            }
            guard ["member", "owner"].contains(access.lowercased()) else {
                throw GraphFailure.badRequest(
                    """
                    Cannot convert the literal '\(access)' to the expected type \
                    'microsoft.graph.privilegedAccessGroupRelationships'.
                    """
                )
            }
            ask.accessId = access.lowercased()
        }
        ask.justification = try text("justification")
        let ticket = json.member(ignoringCase: "ticketInfo")
        ask.ticketNumber = ticket?.member(ignoringCase: "ticketNumber")?.stringValue
        ask.ticketSystem = ticket?.member(ignoringCase: "ticketSystem")?.stringValue
        self.ask = ask
        isValidationOnly = json.member(ignoringCase: "isValidationOnly")?.boolValue ?? false
        try readSchedule(json.member(ignoringCase: "scheduleInfo"))
    }

    private mutating func readSchedule(_ schedule: SimJSON?) throws {
        guard let schedule, !schedule.isNull else { return }
        if let startText = schedule.member(ignoringCase: "startDateTime")?.stringValue {
            guard let date = GraphDate.parse(startText) else {
                throw GraphFailure.badRequest("The startDateTime '\(startText)' is not a valid ISO 8601 date and time.")
            }
            start = date
        }
        guard let expiration = schedule.member(ignoringCase: "expiration"), !expiration.isNull else { return }
        let rawType = expiration.member(ignoringCase: "type")?.stringValue ?? "notSpecified"
        guard let type = Self.expirationTypes.first(where: { $0.caseInsensitiveCompare(rawType) == .orderedSame })
        else {
            throw GraphFailure.badRequest(
                "Cannot convert the literal '\(rawType)' to the expected type 'microsoft.graph.expirationPatternType'.")
        }
        expirationType = type
        if let d = expiration.member(ignoringCase: "duration")?.stringValue {
            guard d.uppercased().hasPrefix("P"), let parsed = try? ActivationTextParser.seconds(d) else {
                throw GraphFailure.badRequest("The duration '\(d)' is not a valid ISO 8601 duration such as PT4H.")
            }
            durationText = d
            durationSeconds = parsed
        }
        if let e = expiration.member(ignoringCase: "endDateTime")?.stringValue {
            guard let date = GraphDate.parse(e) else {
                throw GraphFailure.badRequest("The endDateTime '\(e)' is not a valid ISO 8601 date and time.")
            }
            endDateTime = date
        }
    }

    /// Seconds the request asks for, from `afterDuration` or `afterDateTime`; nil when it asks for none.
    func requestedSeconds(now: Date) -> Int? {
        switch expirationType {
        case "afterDuration": return durationSeconds
        case "afterDateTime": return endDateTime.map { Int($0.timeIntervalSince(max(start ?? now, now)).rounded()) }
        default: return nil
        }
    }
}

/// ISO 8601 durations as the service reads them (`PT4H`, `PT1H30M`, `P1D`).
enum ActivationTextParser {
    struct Invalid: Error {}

    static func seconds(_ text: String) throws -> Int {
        var total = 0
        var number = ""
        var inTime = false
        var any = false
        let upper = text.uppercased()
        guard upper.hasPrefix("P") else { throw Invalid() }
        for c in upper.dropFirst() {
            if c.isASCII, c.isNumber || c == "." { number.append(c); continue }
            if c == "T" { guard !inTime, number.isEmpty else { throw Invalid() }; inTime = true; continue }
            guard let value = Double(number) else { throw Invalid() }
            number = ""
            switch (c, inTime) {
            case ("D", false): total += Int(value * 86_400)
            case ("W", false): total += Int(value * 604_800)
            case ("H", true): total += Int(value * 3600)
            case ("M", true): total += Int(value * 60)
            case ("S", true): total += Int(value)
            default: throw Invalid()
            }
            any = true
        }
        guard any, number.isEmpty else { throw Invalid() }
        return total
    }
}

extension RequestBody {
    subscript<T>(dynamicMember keyPath: WritableKeyPath<TenantAsk, T>) -> T {
        get { ask[keyPath: keyPath] }
        set { ask[keyPath: keyPath] = newValue }
    }
}
