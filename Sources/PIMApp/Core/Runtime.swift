import Foundation
import PIMDomain

/// The one place effects run. Takes actions, applies `update`, publishes each new state, starts
/// every effect as a task that calls `PIMService`, and feeds the results back as actions.
/// It reads no clock: time arrives as `.tick` actions from whoever drives it (the terminal, a test).
public actor Runtime {
    /// What the runtime tells the front end.
    public enum Output: Sendable {
        case state(AppState)
        case bell
        case notify(DesktopNotification)
        case quit
    }

    public private(set) var state: AppState
    /// Every effect started, in order (tests assert on it).
    public private(set) var performed: [Effect] = []
    public private(set) var bellCount = 0
    /// Every desktop notification handed to the front end, in order.
    public private(set) var notifications: [DesktopNotification] = []
    public private(set) var quitRequested = false
    /// Every state and signal, in order; the terminal draws the latest state.
    public nonisolated let outputs: AsyncStream<Output>

    private let service: any PIMService
    private let continuation: AsyncStream<Output>.Continuation
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var nextTaskID = 0

    public init(state: AppState, service: any PIMService) {
        self.state = state
        self.service = service
        (outputs, continuation) = AsyncStream.makeStream(of: Output.self)
    }

    /// Applies one action and starts the effects it asks for.
    public func send(_ action: Action) {
        let effects = update(&state, action)
        continuation.yield(.state(state))
        for effect in effects { start(effect) }
    }

    /// Waits until no effect is in flight (results included): tests use it instead of sleeping.
    public func runUntilIdle() async {
        while let task = tasks.values.first {
            await task.value
        }
    }

    /// Ends the output stream (the front end stops reading).
    public func finish() {
        for task in tasks.values { task.cancel() }
        continuation.finish()
    }

    private func start(_ effect: Effect) {
        performed.append(effect)
        switch effect {
        case .bell:
            bellCount += 1
            continuation.yield(.bell)
        case .notify(let notification):
            notifications.append(notification)
            continuation.yield(.notify(notification))
        case .quit:
            quitRequested = true
            continuation.yield(.quit)
        default:
            let id = nextTaskID
            nextTaskID += 1
            tasks[id] = Task {
                await self.perform(effect)
                self.tasks[id] = nil
            }
        }
    }

    /// Calls the service for one effect and reports every answer as an action as soon as it arrives
    /// (a form activating several targets shows each result in turn).
    /// The service calls run off the actor; the actor stays free for keys and ticks meanwhile.
    private func perform(_ effect: Effect) async {
        let service = self.service
        func report(_ action: Action) { send(action) }
        switch effect {
        case .loadDashboard(let options):
            report(.dashboardLoaded(await result { try await service.loadDashboard(options) }))
        case .activate(let requests):
            for request in requests {
                report(.activationFinished(request.target.id, await result { try await service.activate(request) }))
            }
        case .preflight(let request):
            report(.preflightFinished(request.target.id, await result { try await service.preflight(request) }))
        case .deactivate(let assignment):
            report(
                .deactivateFinished(
                    assignment.target.id,
                    await result { try await service.deactivate(assignment, justification: nil) }))
        case .extend(let assignment, let request):
            report(
                .extendFinished(
                    assignment.target.id, await result { try await service.extend(assignment, with: request) }))
        case .cancel(let request):
            let outcome = await result { try await service.cancel(request) }
            report(.cancelFinished(request.target.id, requestId: request.id, outcome.failure))
        case .decide(let items, let decision, let justification):
            for item in items {
                let outcome = await result { try await service.decide(item, decision, justification: justification) }
                report(.decisionFinished(requestId: item.id, decision, outcome.failure))
            }
        case .recordReviews(let decisions, let verdict, let justification):
            report(
                .reviewsRecorded(
                    verdict,
                    await result {
                        try await Self.reviews(service).record(decisions, verdict, justification: justification)
                    }))
        case .acceptRecommendations(let group):
            let outcome = await result { try await Self.reviews(service).acceptRecommendations(group.scope) }
            report(.recommendationsAccepted(group, outcome.failure))
        case .loadMyDecisions:
            report(
                .myDecisionsLoaded(
                    await result {
                        guard let source = service as? any DecisionHistory else {
                            throw PIMError(.other, "This service cannot list the requests you decided.")
                        }
                        return try await source.myDecisions()
                    }))
        case .loadFollowingAccessReviews:
            report(
                .followingAccessReviewsLoaded(
                    await result {
                        guard let source = service as? any FollowingAccessReviews else {
                            throw PIMError(.other, "This service has no access reviews.")
                        }
                        return try await source.followingAccessReviews()
                    }))
        case .loadReviews(let requests):
            // A service that cannot look reviews up shows no Decided line, as a failed read does.
            report(.reviewsLoaded(await (service as? any ReviewLookup)?.reviews(of: requests) ?? [:]))
        case .bell, .notify, .quit:
            break
        }
    }

    private static func reviews(_ service: any PIMService) throws -> any AccessReviewService {
        guard let source = service as? any AccessReviewService else {
            throw PIMError(.other, "This service has no access reviews.")
        }
        return source
    }

    private func result<T: Sendable>(_ body: () async throws -> T) async -> Result<T, PIMError> {
        do { return .success(try await body()) } catch { return .failure(PIMError.wrap(error)) }
    }
}

extension Result {
    /// The error of a failed result.
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
