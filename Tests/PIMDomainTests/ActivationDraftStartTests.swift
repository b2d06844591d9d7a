import Foundation
import Testing

@testable import PIMDomain

/// The start rules both fronts share, and drafts kept before the form had a Start field.
@Suite struct ActivationDraftStartTests {
    let now = Date(timeIntervalSince1970: 1_795_435_200)  // 2026-11-23T12:00:00Z

    @Test func aDraftsFileWrittenBeforeTheStartFieldStillReadsAsStartingNow() throws {
        let old = Data(
            #"{"justification":"Patch night","ticketNumber":"","ticketSystem":"","durationText":"1h"}"#.utf8)
        let draft = try JSONDecoder().decode(ActivationDraft.self, from: old)
        #expect(draft.justification == "Patch night")
        #expect(draft.startText.isEmpty)
        #expect(draft.start == nil)
    }

    @Test func theTypedStartIsKeptThroughTheDraftsFile() throws {
        let draft = ActivationDraft(justification: "x", durationText: "1h", startText: "+2h")
        let again = try JSONDecoder().decode(ActivationDraft.self, from: JSONEncoder().encode(draft))
        #expect(again == draft)
        #expect(ActivationDraft(startText: "+2h").hasUnsentText)
    }

    @Test func resolvingReadsTheTypedStartAsTheCommandLineDoes() throws {
        let later = try ActivationDraft(startText: "+90m").resolvingStart(now: now, timeZone: .gmt).get()
        #expect(later.start == now.addingTimeInterval(5_400))
        let empty = try ActivationDraft().resolvingStart(now: now, timeZone: .gmt).get()
        #expect(empty.start == nil)
        let bad = ActivationDraft(startText: "tomorrowish").resolvingStart(now: now, timeZone: .gmt)
        guard case .failure(let problem) = bad else {
            Issue.record("an unreadable start was accepted")
            return
        }
        #expect(problem.field == .start)
        #expect(problem.message.hasPrefix("The start \"tomorrowish\" is not a time pim can read"))
    }

    @Test func aStartAtTheEligibilitysEndIsAProblemAndOneBeforeItIsNot() {
        let end = now.addingTimeInterval(3_600)
        let atEnd = ActivationDraft(start: end).startProblem(name: "Role", eligibilityEnd: end, timeZone: .gmt)
        #expect(atEnd?.reason == .startAfterEligibilityEnd(name: "Role", end: "Mon 23 Nov 13:00"))
        #expect(atEnd?.sentence(namingStart: "--start").hasSuffix("choose an earlier --start.") == true)
        let before = ActivationDraft(start: end.addingTimeInterval(-60))
        #expect(before.startProblem(name: "Role", eligibilityEnd: end, timeZone: .gmt) == nil)
        #expect(ActivationDraft(start: end).startProblem(name: "Role", eligibilityEnd: nil, timeZone: .gmt) == nil)
    }
}
