import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
@testable import PIMScreen
import Testing

/// Extending a running activation whose policy needs approval ends it first (Graph cannot lengthen
/// it): the form says so before anything is sent, not after.
struct ExtensionFormTests {
    static let warning = "sending ends the running activation"

    func screen(policy: ActivationPolicy, assignmentType: AssignmentType = .activated) -> String {
        var state = Fixture.loaded(width: 100, height: 30)
        let running = ActiveAssignment(
            id: "a-sr", target: Fixture.securityReader, principal: Fixture.ada,
            start: Fixture.at(-1), end: Fixture.at(1), assignmentType: assignmentType)
        state.form = ActivationForm(
            mode: .extend(running), targets: [Fixture.securityReader],
            policies: [Fixture.securityReader.id: policy], draft: ActivationDraft(durationText: "1h"))
        return render(state).lines().joined(separator: "\n")
    }

    @Test func anExtensionThatNeedsApprovalWarnsBeforeSending() {
        let text = screen(policy: Fixture.approval)
        #expect(text.contains("needs approval"), "\(text)")
        #expect(text.contains(Self.warning))
    }

    @Test func anExtensionWithoutApprovalDoesNotWarn() {
        #expect(!screen(policy: Fixture.plain).contains(Self.warning))
    }
}
