import Foundation
import Testing

/// Commands that keep running against the demo tenant while another persona acts: `activate --wait`
/// until Ben decides, and Ben's `approvals --watch` printing each new request.
@Suite struct WaitAndWatchTests {
    let sandbox = Sandbox()

    func pendingRequestId(for name: String) throws -> String? {
        let rows = try PimBinary.run(["--demo", "requests", "-o", "json"], in: sandbox).json as? [[String: Any]] ?? []
        return rows.first { $0["name"] as? String == name && $0["status"] as? String == "PendingApproval" }?["id"]
            as? String
    }

    func waitForPendingRequest(_ name: String) throws -> String? {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let id = try pendingRequestId(for: name) { return id }
            usleep(100_000)
        }
        return nil
    }

    @Test(arguments: [("approve", Int32(0)), ("deny", Int32(4))])
    func activateWaitsForTheDecision(decision: String, expected: Int32) throws {
        try sandbox.writeConfig(#"{"refreshInterval": 1}"#)
        let target = "itops-sysadmin-prod-requireapproval"
        let waiting = try PimBinary.start(
            [
                "--demo", "activate", target, "-j", "Reboot the web tier", "-d", "1h", "--wait",
                "-o", "json",
            ], in: sandbox)
        let id = try #require(try waitForPendingRequest(target))
        let decided = try PimBinary.run(
            ["--demo", "--as", "ben", decision, id, "--justification", "Reviewed"], in: sandbox)
        #expect(decided.code == 0, "\(decided)")
        let result = waiting.wait(timeout: 60)
        #expect(result.code == expected, "\(result)")
        let object = try #require(result.json as? [String: Any], "\(result)")
        #expect(object["id"] as? String == id)
        let status = object["status"] as? String
        if decision == "approve" {
            #expect(status != "PendingApproval" && status != "Denied", "\(result)")
        } else {
            #expect(status == "Denied")
        }
    }

    @Test func watchPrintsEachNewRequestWithTheCommandToRun() throws {
        let watch = try PimBinary.start(
            ["--demo", "--as", "ben", "approvals", "--watch", "--interval", "10s"], in: sandbox)
        // The requests already waiting come first.
        #expect(watch.waitForOutput { $0.contains("pim approve ") })
        let made = try PimBinary.run(
            [
                "--demo", "activate", "Security Administrator", "-j", "Investigate alert", "-d", "1h",
                "-o", "json",
            ], in: sandbox)
        let id = try #require((made.json as? [String: Any])?["id"] as? String, "\(made)")
        // The next poll is 10 s later (the shortest interval pim accepts).
        let seen = watch.waitForOutput(timeout: 60) { $0.contains("pim approve \(id) --justification") }
        let result = watch.interrupt()
        #expect(seen, "\(result)")
        #expect(result.stdout.contains("New request \(id): Ada Admin asks for Security Administrator"))
        #expect(result.stdout.components(separatedBy: "pim approve \(id) ").count == 2, "printed once")
    }
}
