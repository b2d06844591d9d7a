import Foundation
import Testing
@testable import PIMSimulator

/// A state file that decodes but holds impossible values (dates beyond any calendar, negative
/// durations) is moved aside like a corrupt one, and the demo goes on with a fresh tenant.
@Suite struct ImpossibleStateTests {
    /// Every date and number of the state, each paired with a value no tenant writes.
    static let edits: [(path: String, value: Double)] = [
        ("seededAt", 1e19),
        ("policies.0.maximumDurationSeconds", -5),
        ("eligibilities.0.start", -1e308),
        ("eligibilities.0.end", 1e19),
        ("assignments.0.start", 1e300),
        ("assignments.0.end", 1e19),
        ("expiredAssignments.0.start", -1e19),
        ("expiredAssignments.0.end", 1e19),
        ("requests.0.created", -1e308),
        ("requests.0.completed", 1e19),
        ("requests.0.scheduleStart", 1e19),
        ("requests.0.scheduleEnd", -1e19),
        ("requests.0.durationSeconds", 9e18),
        ("requests.0.approval.reviewedDateTime", 1e19),
        ("audit.0.date", 1e19),
        ("azure.policies.0.maximumDurationSeconds", -5),
        ("azure.eligibilities.0.start", 1e19),
        ("azure.assignments.0.end", -1e19),
        ("azure.requests.0.createdOn", 1e19),
    ]

    @Test(arguments: edits.map(\.path))
    func anImpossibleValueMovesTheFileAside(path: String) throws {
        let value = Self.edits.first { $0.path == path }!.value
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pim-sim-\(UUID().uuidString)")
            .appendingPathComponent("demo-tenant.json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let seeded = TenantSeed.make(now: testStart, scale: 0)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        var json =
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.withEveryField(seeded))) as! [String: Any]
        Self.set(&json, path.split(separator: ".").map(String.init), to: value)
        try JSONSerialization.data(withJSONObject: json).write(to: file)

        let reports = Reports()
        let store = TenantStore(
            file: file, scale: 0, seed: { TenantSeed.make(now: $0, scale: 0) }, report: { reports.add($0) })
        let state = try store.transact(now: testStart) { $0.state }

        #expect(reports.all.count == 1, "\(path)")
        #expect(reports.all.first?.contains("moved to") == true)
        #expect(reports.all.first?.contains(path.replacingOccurrences(of: ".0", with: "[0]")) == true, "\(reports.all)")
        #expect(state.impossibleField() == nil)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(siblings.contains { $0.hasPrefix("demo-tenant.json.corrupt-") })
    }

    @Test func aFreshTenantHoldsOnlyPossibleValues() {
        #expect(Self.withEveryField(TenantSeed.make(now: testStart, scale: 50)).impossibleField() == nil)
    }

    /// The seed leaves some optional fields empty: fill them so each edit has a field to change.
    static func withEveryField(_ state: TenantState) -> TenantState {
        var state = state
        if state.expiredAssignments.isEmpty, let first = state.assignments.first { state.expiredAssignments = [first] }
        state.assignments[0].start = state.assignments[0].start ?? testStart
        state.assignments[0].end = state.assignments[0].end ?? testStart.addingTimeInterval(3600)
        state.expiredAssignments[0].start = testStart
        state.expiredAssignments[0].end = testStart
        state.eligibilities[0].end = state.eligibilities[0].end ?? testStart.addingTimeInterval(86_400)
        state.requests[0].completed = testStart
        state.requests[0].scheduleStart = testStart
        state.requests[0].scheduleEnd = testStart.addingTimeInterval(3600)
        state.requests[0].durationSeconds = 3600
        if state.requests[0].approval == nil {
            state.requests[0].approval = TenantApprovalStep(
                id: "step", status: "Completed", reviewResult: "Approved",
                reviewedById: nil, reviewedDateTime: nil, justification: "",
                approverIds: [])
        }
        state.requests[0].approval?.reviewedDateTime = testStart
        return state
    }

    /// Sets the value at a dotted path (`requests.0.created`) of decoded JSON.
    static func set(_ object: inout [String: Any], _ path: [String], to value: Double) {
        guard let key = path.first else { return }
        if path.count == 1 { object[key] = value; return }
        if var list = object[key] as? [Any], let index = Int(path[1]) {
            var element = list[index] as! [String: Any]
            if path.count == 2 {
                list[index] = value
            } else {
                set(&element, Array(path.dropFirst(2)), to: value); list[index] = element
            }
            object[key] = list
        } else if var inner = object[key] as? [String: Any] {
            set(&inner, Array(path.dropFirst()), to: value)
            object[key] = inner
        }
    }
}
