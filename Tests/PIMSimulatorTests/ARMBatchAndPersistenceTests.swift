import Foundation
import Testing
@testable import PIMSimulator

/// Z17 (`POST /batch`) and the Azure estate in the state file.
@Suite struct ARMBatchAndPersistenceTests {
    static let batch = "/batch?api-version=2020-06-01"

    /// The dashboard batch of the contract (fixture `batch.POST.request.composed.json`).
    static var dashboard: JSONObject {
        [
            "requests": [
                ["name": "eligible", "httpMethod": "GET", "url": AZ.eligible],
                ["name": "active", "httpMethod": "GET", "url": AZ.active],
                [
                    "name": "myRequests", "httpMethod": "GET",
                    "url": "\(AZ.pim)/roleAssignmentScheduleRequests?\(AZ.v)&$filter=asRequestor()",
                ],
                [
                    "name": "toApprove", "httpMethod": "GET",
                    "url": "\(AZ.pim)/roleAssignmentApprovals?api-version=2021-01-01-preview&$filter=asApprover()",
                ],
                ["name": "subscriptions", "httpMethod": "GET", "url": "/subscriptions?api-version=2022-12-01"],
            ]
        ]
    }

    @Test func theDashboardBatchAnswersEachItemAsIfSentAlone() async throws {
        let tenant = try makeTenant()
        let ada = ARMClient(tenant)
        let reply = try await ada.post(Self.batch, Self.dashboard)
        #expect(reply.status == 200)
        let responses = try #require(reply.json["responses"] as? [JSONObject])
        #expect(responses.map { $0.str("name") } == ["eligible", "active", "myRequests", "toApprove", "subscriptions"])
        #expect(responses.allSatisfy { $0["httpStatusCode"] as? Int == 200 })
        let eligible = try #require(responses.first?.obj("content"))
        let alone = try await ada.get(AZ.eligible)
        #expect(eligible.items.count == alone.json.items.count)
        #expect(tenant.recordedRequests().filter { $0.batchItemId != nil }.count == 5)
        // Each item states the length of its content as written on the wire.
        let raw = try SimJSON.parse(reply.response.body)
        for item in try #require(raw["responses"]?.arrayValue) {
            #expect(item["contentLength"]?.intValue == item["content"]?.data.count)
        }
    }

    @Test func absoluteInnerURLsAndInnerErrorsAreAnsweredPerItem() async throws {
        let ada = ARMClient(try makeTenant())
        let body: JSONObject = [
            "requests": [
                [
                    "Name": "subs", "HttpMethod": "GET",
                    "URL": "https://management.azure.com/subscriptions?api-version=2022-12-01",
                ],
                ["name": "noVersion", "httpMethod": "GET", "url": "/subscriptions"],
            ]
        ]
        let reply = try await ada.post(Self.batch, body)
        let responses = try #require(reply.json["responses"] as? [JSONObject])
        #expect(responses[0]["httpStatusCode"] as? Int == 200)
        #expect(responses[1]["httpStatusCode"] as? Int == 400)
        #expect(responses[1].obj("content")?.errorCode == "MissingApiVersionParameter")
    }

    @Test func aBatchMustHoldAtMostTwentyUniquelyNamedRequests() async throws {
        let ada = ARMClient(try makeTenant())
        let many = (0..<21).map {
            ["name": "r\($0)", "httpMethod": "GET", "url": "/subscriptions?api-version=2022-12-01"]
        }
        #expect(try await ada.post(Self.batch, ["requests": many]).status == 400)
        let twenty = Array(many.prefix(20))
        #expect(try await ada.post(Self.batch, ["requests": twenty]).status == 200)
        let duplicate = [many[0], many[0]]
        let reply = try await ada.post(Self.batch, ["requests": duplicate])
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "InvalidBatchRequest")
        #expect(try await ada.post(Self.batch, ["requests": []]).status == 400)
        #expect(try await ada.post(Self.batch, ["nothing": true]).status == 400)
        let graphURL = [["name": "g", "httpMethod": "GET", "url": "/v1.0/me"]]
        #expect(try await ada.post(Self.batch, ["requests": graphURL]).status == 400)
    }

    @Test func throttledItemsCarryRetryAfter() async throws {
        let tenant = try SimulatedTenant(
            configuration: SimulatorConfiguration(
                stateFile: nil, faults: try FaultPlan(parsing: "429:0.5"), seed: 3, now: { testStart }))
        var throttled = 0
        for _ in 0..<8 {
            let reply = try await ARMClient(tenant).post(Self.batch, Self.dashboard)
            guard reply.status == 200 else { continue }
            for item in (reply.json["responses"] as? [JSONObject]) ?? [] where item["httpStatusCode"] as? Int == 429 {
                throttled += 1
                #expect(item.obj("headers")?.str("Retry-After") != nil)
            }
        }
        #expect(throttled > 0)
    }

    @Test func azureStateSurvivesAReopenOfTheStateFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pim-sim-\(UUID().uuidString)")
            .appendingPathComponent("demo-tenant.json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        func open(_ persona: String = "ada") throws -> SimulatedTenant {
            try SimulatedTenant(
                configuration: SimulatorConfiguration(
                    stateFile: file, persona: persona, now: { testStart }, report: { _ in }))
        }
        let name = UUID().uuidString.lowercased()
        let ask = try await ARMClient(try open()).put(
            AZ.requestPath(AZ.prodScope, name), AZ.activation(role: AZ.owner, duration: "PT1H", ticket: nil))
        #expect(ask.status == 201)
        let ben = ARMClient(try open("ben"), as: "ben")
        let approvals = try await ben.all(ARMApprovalTests.toApprove)
        #expect(approvals.count == 3)
        let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? JSONObject
        #expect(stored?["version"] as? Int == 4)
        #expect((stored?.obj("azure")?["requests"] as? [Any])?.isEmpty == false)
        let reopened = try await ARMClient(try open()).get(AZ.requestPath(AZ.prodScope, name))
        #expect(reopened.json.obj("properties")?.str("status") == "PendingApproval")
    }
}
