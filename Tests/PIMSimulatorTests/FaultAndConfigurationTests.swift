import Foundation
import Testing
import PIMGraph
@testable import PIMSimulator

/// Knobs from the environment and injected faults, replayed by seed.
@Suite struct FaultAndConfigurationTests {
    func tenant(faults: String, seed: UInt64 = 7, latency: Int = 0) throws -> SimulatedTenant {
        try SimulatedTenant(
            configuration: SimulatorConfiguration(
                stateFile: nil, latencyMilliseconds: latency, faults: try FaultPlan(parsing: faults), seed: seed,
                now: { testStart }))
    }

    @Test func throttlingCarriesRetryAfterAndTheGraphBody() async throws {
        let client = RawClient(try tenant(faults: "429:1"))
        let reply = try await client.get("/me")
        #expect(reply.status == 429)
        #expect(Int(reply.response.header("Retry-After") ?? "") != nil)
        #expect(reply.json.errorCode == "TooManyRequests")
        #expect(reply.json.errorMessage == "Please retry again later.")
        #expect(reply.json.obj("error")?.obj("innerError")?.str("request-id") != nil)
    }

    @Test func batchItemsAreThrottledOneByOne() async throws {
        let tenant = try tenant(faults: "429:0.5", seed: 3)
        var itemStatuses: [Int] = []
        var outer: [Int] = []
        for _ in 0..<6 {
            let reply = try await RawClient(tenant).post(
                "/$batch", ["requests": (1...4).map { ["id": "\($0)", "method": "GET", "url": "/me"] }])
            outer.append(reply.status)
            for item in (reply.json["responses"] as? [JSONObject]) ?? [] {
                let status = item["status"] as? Int ?? 0
                itemStatuses.append(status)
                if status == 429 { #expect(item.obj("headers")?.str("Retry-After") != nil) }
            }
        }
        #expect(outer.contains(200))
        #expect(itemStatuses.contains(429))
        #expect(itemStatuses.contains(200))
    }

    @Test func serverErrorsAndExpiredToken() async throws {
        #expect(try await RawClient(try tenant(faults: "500:1")).get("/me").status == 500)
        let unavailable = try await RawClient(try tenant(faults: "503:1")).get("/me")
        #expect(unavailable.status == 503)
        #expect(unavailable.response.header("Retry-After") != nil)
        #expect(try await RawClient(try tenant(faults: "504:1")).get("/me").status == 504)
        let expired = try await RawClient(try tenant(faults: "expired-token:1")).get("/me")
        #expect(expired.status == 401)
        #expect(expired.json.errorCode == "InvalidAuthenticationToken")
    }

    @Test func malformedBodiesDoNotParse() async throws {
        let reply = try await RawClient(try tenant(faults: "malformed:1")).get("/me")
        #expect(reply.status == 200)
        #expect((try? JSONSerialization.jsonObject(with: reply.response.body)) == nil)
    }

    @Test func timeoutsThrowAndMayOrMayNotHaveWritten() async throws {
        var performed = 0
        var skipped = 0
        for seed in UInt64(1)...12 {
            let t = try tenant(faults: "timeout:1", seed: seed)
            let client = RawClient(t)
            do {
                _ = try await client.post(roleRequests, activation(role: IDs.helpdeskAdmin))
                Issue.record("a timeout fault must throw")
            } catch let error as TransportError {
                #expect(error.kind == .timedOut)
                #expect(error.requestMayHaveBeenSent)
            }
            let wrote = t.recordedRequests().contains { $0.method == "POST" && $0.status == 201 }
            if wrote { performed += 1 } else { skipped += 1 }
        }
        #expect(performed > 0)
        #expect(skipped > 0)
    }

    @Test func theSameSeedReplaysTheSameFaults() async throws {
        func run(seed: UInt64) async throws -> [Int] {
            let client = RawClient(try tenant(faults: "429:0.3,503:0.2", seed: seed))
            var statuses: [Int] = []
            for _ in 0..<30 { statuses.append(try await client.get("/me").status) }
            return statuses
        }
        let a = try await run(seed: 42)
        #expect(a == (try await run(seed: 42)))
        #expect(a.contains(429) && a.contains(503) && a.contains(200))
        #expect(a != (try await run(seed: 43)))
    }

    @Test func latencyIsAddedOncePerExchange() async throws {
        let client = RawClient(try tenant(faults: "", latency: 30))
        let clock = ContinuousClock()
        let start = clock.now
        _ = try await client.post(
            "/$batch", ["requests": (1...5).map { ["id": "\($0)", "method": "GET", "url": "/me"] }])
        #expect(clock.now - start >= .milliseconds(30))
    }

    @Test func latencyBeyondTheClientsTimeoutTimesOut() async throws {
        let tenant = try tenant(faults: "", latency: 200)
        let request = HTTPRequest(
            method: "GET", url: URL(string: "https://graph.microsoft.com/v1.0/me")!,
            headers: ["Authorization": "Bearer \(tenant.signIn().token())"], timeout: 0.05)
        await #expect(throws: TransportError.self) { _ = try await tenant.send(request) }
    }

    @Test func environmentIsReadWithClearErrors() throws {
        let config = try SimulatorConfiguration.fromEnvironment([
            "HOME": "/home/someone", "PIM_DEMO_PERSONA": "Ben", "PIM_SIM_LATENCY_MS": "25",
            "PIM_SIM_FAULTS": "429:0.1,503:0.05,504:0.05,500:0.05,timeout:0.02,malformed:0.02,expired-token:0.01",
            "PIM_SIM_SEED": "99", "PIM_SIM_SCALE": "100",
        ])
        #expect(config.stateFile?.path == "/home/someone/.local/state/pim/demo-tenant.json")
        #expect(config.persona == "ben")
        #expect(config.latencyMilliseconds == 25)
        #expect(config.seed == 99)
        #expect(config.scale == 100)
        #expect(config.faults.rates.count == 7)
        let xdg = try SimulatorConfiguration.fromEnvironment(["XDG_STATE_HOME": "/tmp/state"])
        #expect(xdg.stateFile?.path == "/tmp/state/pim/demo-tenant.json")
        #expect(xdg.persona == "ada")
        #expect(throws: SimulatorError.self) { try SimulatorConfiguration.fromEnvironment(["PIM_DEMO_PERSONA": "zed"]) }
        do {
            _ = try SimulatorConfiguration.fromEnvironment(["PIM_DEMO_PERSONA": "zed"])
        } catch let error as SimulatorError {
            #expect(error.description.contains("ada, ben, hana"))
        }
        #expect(throws: SimulatorError.self) {
            try SimulatorConfiguration.fromEnvironment(["PIM_SIM_FAULTS": "418:0.5"])
        }
        #expect(throws: SimulatorError.self) {
            try SimulatorConfiguration.fromEnvironment(["PIM_SIM_LATENCY_MS": "fast"])
        }
    }

    @Test func scaleAddsEligibilitiesAndAuditEvents() async throws {
        let t = try SimulatedTenant(
            configuration: SimulatorConfiguration(stateFile: nil, scale: 500, pageSize: 100, now: { testStart }))
        let client = RawClient(t)
        var reply = try await client.get(myEligibleRoles)
        var count = reply.json.items.count
        while let next = reply.json.str("@odata.nextLink") {
            let response = try await t.send(
                .init(method: "GET", url: URL(string: next)!, headers: ["Authorization": "Bearer \(client.token)"]))
            reply = RawClient.Reply(
                status: response.status, json: parseObject(response.body) ?? [:], response: response)
            count += reply.json.items.count
        }
        #expect(count == 517)  // 13 of the demo, 4 at administrative units, 500 of the scale
        let audit = try await client.get("/auditLogs/directoryAudits?$count=true&$top=1")
        #expect((audit.json["@odata.count"] as? Int ?? 0) > 500)
    }

    @Test func personasAreListed() throws {
        #expect(SimulatedTenant.personas.map(\.id).prefix(3) == ["ada", "ben", "hana"])
        #expect(SimulatedTenant.personas.count >= 6)
        #expect(Set(SimulatedTenant.personas.map(\.objectId)).count == SimulatedTenant.personas.count)
        let t = try makeTenant(persona: "ben")
        #expect(t.persona.displayName == "Ben Approver")
    }
}
