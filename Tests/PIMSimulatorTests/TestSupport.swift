import Foundation
import PIMGraph
@testable import PIMSimulator

/// A fixed starting time for every test tenant.
let testStart = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z

/// Parsed JSON through Foundation (not the tenant's own JSON code), so tests check the wire independently.
typealias JSONObject = [String: Any]

func parseObject(_ data: Data) -> JSONObject? {
    (try? JSONSerialization.jsonObject(with: data)) as? JSONObject
}

func jsonData(_ object: Any) -> Data {
    try! JSONSerialization.data(withJSONObject: object)
}

extension JSONObject {
    func str(_ key: String) -> String? { self[key] as? String }
    func obj(_ key: String) -> JSONObject? { self[key] as? JSONObject }
    var items: [JSONObject] { (self["value"] as? [JSONObject]) ?? [] }
    var errorCode: String? { obj("error")?.str("code") }
    var errorMessage: String? { obj("error")?.str("message") }
}

/// Raw HTTP against the tenant as one persona.
struct RawClient {
    let tenant: SimulatedTenant
    var token: String
    var host = "https://graph.microsoft.com"

    init(_ tenant: SimulatedTenant, as persona: String = "ada", claims: String? = nil) {
        self.tenant = tenant
        token = tenant.signIn(as: persona).token(claims: claims)
    }

    struct Reply {
        var status: Int
        var json: JSONObject
        var response: HTTPResponse
    }

    func send(
        _ method: String, _ path: String, version: String = "v1.0", body: Any? = nil,
        headers: [String: String] = [:]
    ) async throws -> Reply {
        let encoded = path.addingPercentEncoding(
            withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "+")))!
        var all = ["Authorization": "Bearer \(token)"]
        if body != nil { all["Content-Type"] = "application/json" }
        for (k, v) in headers { all[k] = v }
        let request = HTTPRequest(
            method: method, url: URL(string: "\(host)/\(version)\(encoded)")!, headers: all,
            body: body.map(jsonData))
        let response = try await tenant.send(request)
        return Reply(status: response.status, json: parseObject(response.body) ?? [:], response: response)
    }

    func get(_ path: String, version: String = "v1.0") async throws -> Reply {
        try await send("GET", path, version: version)
    }

    func post(_ path: String, _ body: Any? = nil, version: String = "v1.0") async throws -> Reply {
        try await send("POST", path, version: version, body: body)
    }

    func patch(_ path: String, _ body: Any, version: String = "v1.0") async throws -> Reply {
        try await send("PATCH", path, version: version, body: body)
    }
}

enum IDs {
    static let ada = "5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11"
    static let ben = "0b3e8c1d-2f4a-4b6c-9d7e-1a2b3c4d5e61"
    static let hana = "7c4d2e9f-3a5b-4c6d-8e7f-2b3c4d5e6f72"
    static let globalAdmin = "62e90394-69f5-4237-9190-012177145e10"
    static let pra = "e8611ab8-c189-46e8-94e1-60213ab1f814"
    static let globalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
    static let userAdmin = "fe930be7-5e62-47db-91af-98c3a49a38b1"
    static let exchangeAdmin = "29232cdf-9323-42fd-ade2-1d097af3e4de"
    static let intuneAdmin = "3a2c62db-5318-420d-8d74-23affee5d9d5"
    static let securityAdmin = "194ae4cb-b126-40b2-bd5b-6091b380977d"
    static let teamsAdmin = "69091246-20e8-4a56-aa4d-066075b2a7a8"
    static let helpdeskAdmin = "729827e3-9c14-49f7-bb1b-9608f156bbb8"
    static let reportsReader = "4a5d8f65-41da-4de4-8968-e035b65339cf"
    static let tier0 = "2b5ed229-4072-478d-9504-a047ebd4b07d"
    static let tier3 = "8d2e4f61-7a3b-4c5d-9e0f-1a2b3c4d5e22"
    static let itopsNoApproval = "9e3f5a72-8b4c-4d6e-a01f-2b3c4d5e6f33"
    static let itopsRequireApproval = "af4a6b83-9c5d-4e7f-b120-3c4d5e6f7a44"
}

func makeTenant(pageSize: Int = 50, persona: String = "ada") throws -> SimulatedTenant {
    try SimulatedTenant(now: { testStart }, persona: persona, pageSize: pageSize)
}

func activation(
    role: String, duration: String = "PT1H", justification: String? = "INC-1: test",
    ticket: String? = nil, principal: String = IDs.ada, action: String = "selfActivate",
    validationOnly: Bool? = nil
) -> JSONObject {
    var body: JSONObject = [
        "action": action, "principalId": principal, "roleDefinitionId": role, "directoryScopeId": "/",
        "scheduleInfo": [
            "startDateTime": "2026-05-28T20:26:40Z", "expiration": ["type": "afterDuration", "duration": duration],
        ],
    ]
    if let justification { body["justification"] = justification }
    if let ticket { body["ticketInfo"] = ["ticketNumber": ticket, "ticketSystem": "ServiceNow"] }
    if let validationOnly { body["isValidationOnly"] = validationOnly }
    return body
}

func groupActivation(
    group: String, access: String = "member", duration: String = "PT1H", justification: String? = "INC-1: test",
    ticket: String? = nil, principal: String = IDs.ada, action: String = "selfActivate"
) -> JSONObject {
    var body: JSONObject = [
        "action": action, "principalId": principal, "groupId": group, "accessId": access,
        "scheduleInfo": [
            "startDateTime": "2026-05-28T20:26:40Z", "expiration": ["type": "afterDuration", "duration": duration],
        ],
    ]
    if let justification { body["justification"] = justification }
    if let ticket { body["ticketInfo"] = ["ticketNumber": ticket, "ticketSystem": "Jira"] }
    return body
}

let roleRequests = "/roleManagement/directory/roleAssignmentScheduleRequests"
let groupRequests = "/identityGovernance/privilegedAccess/group/assignmentScheduleRequests"
let myActiveRoles = "/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')"
let myEligibleRoles = "/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')"
