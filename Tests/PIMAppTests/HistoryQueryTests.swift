import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// History's `/` line: free words as in every pane, and `user:`, `target:`, `since:`, `until:` tokens.
@Suite struct HistoryQueryTests {
    @Test func tokensAreReadAndTheRestAreFreeWords() {
        let query = HistoryQuery(
            parsing: #"activate user:"Ben Okafor" target:reader since:7d until:2026-11-23"#, now: Fixture.now)
        #expect(query.words == "activate")
        #expect(query.user == "ben okafor")
        #expect(query.target == "reader")
        #expect(query.since == Fixture.now.addingTimeInterval(-7 * 86_400))
        #expect(query.until == Fixture.now.addingTimeInterval(12 * 3600 - 0.001))
        #expect(query.problem == nil)
    }

    @Test func aDateMeansTheWholeDayOnEitherSide() throws {
        let query = HistoryQuery(parsing: "since:2026-11-20 until:2026-11-20", now: Fixture.now)
        let since = try #require(query.since), until = try #require(query.until)
        #expect(until.timeIntervalSince(since) > 86_399 && until.timeIntervalSince(since) < 86_400)
    }

    @Test func aBadTokenIsOneSentenceAndIsLeftOut() {
        let query = HistoryQuery(parsing: "since:yesterday-ish reader", now: Fixture.now)
        #expect(query.since == nil)
        #expect(query.words == "reader")
        #expect(
            query.problem
                == #"since: "yesterday-ish" is neither a date (2026-11-20), "#
                + #"an ISO 8601 time (2026-11-20T14:00:00Z) nor a duration (7d)."#
        )
        #expect(HistoryQuery(parsing: "user:", now: Fixture.now).problem == "user: needs a value, e.g. user:ben.")
        #expect(HistoryQuery(parsing: "since:1d until:2d", now: Fixture.now).problem?.contains("before") == true)
    }

    @Test func otherColonsAreWords() {
        let query = HistoryQuery(parsing: "11:57 kind:role", now: Fixture.now)
        #expect(query.words == "11:57 kind:role")
        #expect(!query.hasTokens)
    }

    func history(filter: String, state: AppState? = nil) -> AppState {
        var state = state ?? Fixture.loaded()
        _ = update(&state, .key("3"))
        _ = update(&state, .key("/"))
        for character in filter { _ = update(&state, .key(.character(character))) }
        return state
    }

    @Test func thePaneKeepsTheRowsTheTokensDescribe() {
        var all = Fixture.loaded()
        _ = update(&all, .key("3"))
        let state = history(filter: "target:reader since:1h")
        let visible = state.list(.history).visible.map { state.history[$0] }
        #expect(!visible.isEmpty)
        #expect(visible.allSatisfy { $0.targetName.lowercased().contains("reader") })
        #expect(visible.allSatisfy { ($0.date ?? .distantPast) >= Fixture.at(-1) })
        #expect(visible.count < all.rowCount(.history))
        #expect(state.flash == nil)
    }

    @Test func aBadTokenSaysSoOnTheStatusLineUntilItReads() {
        var state = history(filter: "until:soon")
        #expect(state.flash?.level == .warning)
        #expect(state.flash?.text.hasPrefix("Filter: until:") == true)
        #expect(state.list(.history).visible.count == state.rowCount(.history), "the bad token narrows nothing")
        for _ in 0..<4 { _ = update(&state, .key(.backspace)) }
        for character in "1h" { _ = update(&state, .key(.character(character))) }
        #expect(state.flash == nil)
    }

    @Test func userAndTargetFindMyDecisionsByRequesterAndRole() {
        var state = Fixture.loaded()
        _ = update(&state, .key("3"))
        _ = update(&state, .key("m"))
        _ = update(&state, .myDecisionsLoaded(.success(Fixture.bensDecisions)))
        state = history(filter: "user:chloe", state: state)
        #expect(state.list(.history).visible.map { state.myDecisions[$0].id } == ["req-chloe-3"])
        _ = update(&state, .key(.escape))
        state = history(filter: "since:2d target:global", state: state)
        #expect(state.list(.history).visible.map { state.myDecisions[$0].id } == ["req-ada-9"])
    }
}
