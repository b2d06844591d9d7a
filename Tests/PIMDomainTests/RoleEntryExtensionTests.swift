import Foundation
import PIMDomain
import Testing

/// Which rows can be extended: the rule the interface and the command line share.
@Suite struct RoleEntryExtensionTests {
    let target = ElevationTarget(id: .role("r-1"), displayName: "Reports Reader")
    let me = Principal(id: "u-1", displayName: "Ada")
    let now = Date(timeIntervalSince1970: 1_795_435_200)

    func entry(_ type: AssignmentType?, end: Date?) -> RoleEntry {
        RoleEntry(
            target: target,
            active: type.map {
                ActiveAssignment(id: "a", target: target, principal: me, start: now, end: end, assignmentType: $0)
            })
    }

    @Test func activationsAndTimeBoundAssignmentsCanBeExtended() {
        #expect(entry(.activated, end: now.addingTimeInterval(3600)).canExtend)
        #expect(entry(.assigned, end: now.addingTimeInterval(9 * 86_400)).canExtend)
        #expect(entry(.assigned, end: now.addingTimeInterval(9 * 86_400)).extensionRefusal == nil)
    }

    @Test func permanentAssignmentsAndInactiveRowsCannot() {
        #expect(!entry(.assigned, end: nil).canExtend)
        #expect(
            entry(.assigned, end: nil).extensionRefusal
                == "Reports Reader is assigned to you permanently: there is nothing to extend.")
        #expect(!entry(nil, end: nil).canExtend)
        #expect(
            entry(nil, end: nil).extensionRefusal
                == "Reports Reader is not active: activate it instead of extending it.")
    }
}
