import Foundation
import Testing

/// A demo state file that decodes but holds dates no calendar has: the next command moves it aside
/// with a sentence and answers from a fresh tenant instead of trapping until `pim demo reset`.
@Suite struct DemoStateRangeTests {
    @Test(arguments: [("assignments", "end", 1e19), ("requests", "created", -1e308)])
    func anOutOfRangeDateIsMovedAsideAndTheDemoGoesOn(list: String, field: String, value: Double) throws {
        let sandbox = Sandbox()
        let first = try PimBinary.run(["--demo", "roles"], in: sandbox)
        #expect(first.code == 0, "\(first)")
        let file = sandbox.root + "/state/pim/demo-tenant.json"
        var state = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var items = try #require(state[list] as? [[String: Any]])
        try #require(!items.isEmpty)
        items[0][field] = value
        state[list] = items
        try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: file))

        for command in [["roles"], ["requests"]] {
            let result = try PimBinary.run(["--demo"] + command, in: sandbox)
            #expect(result.code == 0, "\(command): \(result)")
            #expect(!result.stderr.contains("Fatal error"), "\(result)")
        }
        let moved = try PimBinary.run(["--demo", "whoami"], in: sandbox)
        #expect(moved.code == 0)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/state/pim")
        #expect(siblings.contains { $0.hasPrefix("demo-tenant.json.corrupt-") }, "\(siblings)")
    }

    @Test func theSentenceNamesTheFieldAndWhereTheFileWent() throws {
        let sandbox = Sandbox()
        #expect(try PimBinary.run(["--demo", "roles"], in: sandbox).code == 0)
        let file = sandbox.root + "/state/pim/demo-tenant.json"
        var state = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        state["seededAt"] = 1e19
        try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: file))
        let result = try PimBinary.run(["--demo", "roles"], in: sandbox)
        #expect(result.code == 0, "\(result)")
        #expect(result.stderr.contains("seededAt"), "\(result)")
        #expect(result.stderr.contains("moved to \(file).corrupt-"), "\(result)")
    }
}
