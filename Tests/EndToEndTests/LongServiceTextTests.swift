import Foundation
import Testing

/// Service strings of megabytes (a role name, a display name) cost linear time, and what pim keeps
/// of each is cut to 4,096 characters ending in "…". `pim roles` took 29 s with a 1 MB role name,
/// `pim whoami` more than 150 s with a 10 MB display name.
@Suite struct LongServiceTextTests {
    /// A demo tenant whose Global Reader role and whose user ada carry names of `length` characters.
    static func sandbox(roleName length: Int, userName userLength: Int) throws -> Sandbox {
        let sandbox = Sandbox()
        #expect(try PimBinary.run(["--demo", "whoami"], in: sandbox).code == 0)
        let file = URL(fileURLWithPath: sandbox.root + "/state/pim/demo-tenant.json")
        var state = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var roles = try #require(state["roles"] as? [[String: Any]])
        let index = try #require(roles.firstIndex { $0["displayName"] as? String == "Global Reader" })
        roles[index]["displayName"] = "Global Reader " + String(repeating: "R", count: length)
        state["roles"] = roles
        var users = try #require(state["users"] as? [[String: Any]])
        let ada = try #require(users.firstIndex { $0["shortName"] as? String == "ada" })
        users[ada]["displayName"] = "Ada " + String(repeating: "\u{1B}[2J", count: userLength / 4)
        state["users"] = users
        try JSONSerialization.data(withJSONObject: state).write(to: file)
        return sandbox
    }

    @Test func aMegabyteRoleNameIsListedQuicklyAndCut() throws {
        let sandbox = try Self.sandbox(roleName: 1_000_000, userName: 8)
        let started = Date()
        let json = try PimBinary.run(["--demo", "roles", "-o", "json"], in: sandbox)
        let table = try PimBinary.run(["--demo", "roles"], in: sandbox)
        let took = Date().timeIntervalSince(started)
        #expect(json.code == 0 && table.code == 0, "\(json)")
        #expect(took < 30, "two listings took \(took) s")
        let rows = try #require(json.json as? [[String: Any]])
        let name = try #require(rows.compactMap { $0["name"] as? String }.first { $0.hasPrefix("Global Reader R") })
        #expect(name.count == 4_096 && name.hasSuffix("R…"), "kept \(name.count) characters")
        #expect(table.stdout.contains("Global Reader RRR"))
    }

    @Test func aTenMegabyteDisplayNameIsShownQuicklyAndCut() throws {
        let sandbox = try Self.sandbox(roleName: 4, userName: 10_000_000)
        let started = Date()
        let result = try PimBinary.run(["--demo", "whoami"], in: sandbox)
        let took = Date().timeIntervalSince(started)
        #expect(result.code == 0, "\(result)")
        #expect(took < 30, "whoami took \(took) s")
        #expect(result.stdout.contains("Ada ␛[2J␛[2J"))
        #expect(result.stdout.contains("…"))
        #expect(result.stdout.utf8.count < 100_000, "printed \(result.stdout.utf8.count) bytes")
    }
}
