import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// Exhaustive reducer testing: every `send` states the whole state change and the exact effects
/// (TCA's TestStore in a few lines). `finish()` fails when an effect's result was never fed back.
struct UpdateTester {
    var state: AppState
    /// Service effects whose results the test still owes.
    private(set) var owed: [String] = []

    init(_ state: AppState) { self.state = state }

    mutating func send(
        _ action: Action, effects expected: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (inout AppState) -> Void = { _ in }
    ) {
        var expectedState = state
        change(&expectedState)
        let effects = update(&state, action)
        #expect(effects == expected, "effects differ", sourceLocation: sourceLocation)
        if state != expectedState {
            Issue.record("state differs: \(Self.difference(expectedState, state))", sourceLocation: sourceLocation)
            state = expectedState
        }
        settle(action)
        for effect in effects { owe(effect) }
    }

    mutating func key(
        _ key: Key, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (inout AppState) -> Void = { _ in }
    ) {
        send(.key(key), effects: effects, sourceLocation: sourceLocation, change)
    }

    /// Types text key by key, checking only that no effect happens.
    mutating func type(_ text: String) {
        for character in text {
            let effects = update(&state, .key(.character(character)))
            #expect(effects.isEmpty)
        }
    }

    func finish(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(owed.isEmpty, "effects without results: \(owed)", sourceLocation: sourceLocation)
    }

    private mutating func owe(_ effect: Effect) {
        switch effect {
        case .loadDashboard: owed.append("dashboard")
        case .activate(let requests): owed += requests.map { "submit \($0.target.id)" }
        case .extend(let assignment, _): owed.append("submit \(assignment.target.id)")
        case .preflight(let request): owed.append("preflight \(request.target.id)")
        case .deactivate(let assignment): owed.append("deactivate \(assignment.target.id)")
        case .cancel(let request): owed.append("cancel \(request.id)")
        case .decide(let items, _, _): owed += items.map { "decide \($0.id)" }
        case .loadMyDecisions: owed.append("my decisions")
        case .loadReviews: owed.append("reviews")
        case .loadFollowingAccessReviews: owed.append("following access reviews")
        case .recordReviews: owed.append("record reviews")
        case .acceptRecommendations: owed.append("accept recommendations")
        case .bell, .notify, .quit: break
        }
    }

    private mutating func settle(_ action: Action) {
        let key: String? =
            switch action {
            case .dashboardLoaded: "dashboard"
            case .activationFinished(let target, _), .extendFinished(let target, _): "submit \(target)"
            case .preflightFinished(let target, _): "preflight \(target)"
            case .deactivateFinished(let target, _): "deactivate \(target)"
            case .cancelFinished(_, let id, _): "cancel \(id)"
            case .decisionFinished(let id, _, _): "decide \(id)"
            case .myDecisionsLoaded: "my decisions"
            case .reviewsLoaded: "reviews"
            case .followingAccessReviewsLoaded: "following access reviews"
            case .reviewsRecorded: "record reviews"
            case .recommendationsAccepted: "accept recommendations"
            default: nil
            }
        if let key, let index = owed.firstIndex(of: key) { owed.remove(at: index) }
    }

    /// The top-level properties that differ, for a readable failure.
    static func difference(_ expected: AppState, _ actual: AppState) -> String {
        let a = Mirror(reflecting: expected).children, b = Mirror(reflecting: actual).children
        return zip(a, b).compactMap { x, y -> String? in
            let left = String(describing: x.value), right = String(describing: y.value)
            return left == right ? nil : "\(x.label ?? "?"):\n  expected \(left)\n  actual   \(right)"
        }.joined(separator: "\n")
    }
}

extension AppState {
    /// The flash `update` sets at `Fixture.now` (6 s by default).
    func flashed(_ text: String, _ level: Flash.Level) -> Flash {
        Flash(text, level: level, expires: now.addingTimeInterval(config.flashSeconds))
    }
}
