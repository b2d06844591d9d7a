import Foundation
import PIMDomain

extension GraphPIMService: FollowingAccessReviews {
    /// The chain the last dashboard left under way (its outcome once it ends), or the whole chain now.
    public func followingAccessReviews() async throws -> [AccessReviewDecision] {
        guard let chain = state.read({ $0.reviewChain }) else { return try await accessReviewDecisions() }
        let outcome = await chain.value
        if let failure = outcome.failure { throw failure }
        return outcome.decisions
    }
}

extension GraphPIMService: AccessReviewService {
    /// Contract section 2: the series I review, their instances in progress, for a multi-stage series the
    /// stages in progress, then my decision items in each, every list followed to its last page.
    public func accessReviewDecisions() async throws -> [AccessReviewDecision] {
        try await wrapped {
            var decisions: [AccessReviewDecision] = []
            let definitions = try await client.collect(
                ReviewDefinitionDTO.self, Endpoints.AccessReviews.definitions())
            for definition in definitions {
                let instances = try await client.collect(
                    ReviewPeriodDTO.self, Endpoints.AccessReviews.instances(reviewId: definition.id)
                ).filter(\.inProgress)
                for instance in instances {
                    let scope = AccessReviewScope(reviewId: definition.id, instanceId: instance.id)
                    var periods: [(AccessReviewScope, ReviewPeriodDTO)] = [(scope, instance)]
                    if definition.multiStage {
                        let stages = try await client.collect(
                            ReviewPeriodDTO.self, Endpoints.AccessReviews.stages(scope))
                        periods = stages.filter(\.inProgress).map { stage in
                            (
                                AccessReviewScope(reviewId: definition.id, instanceId: instance.id, stageId: stage.id),
                                stage
                            )
                        }
                    }
                    for (recording, period) in periods {
                        let items = try await client.collect(
                            ReviewDecisionDTO.self, Endpoints.AccessReviews.decisions(recording))
                        decisions += items.map {
                            $0.decision(definition: definition, scope: recording, instance: instance, period: period)
                        }
                    }
                }
            }
            return decisions
        }
    }

    public func record(
        _ decisions: [AccessReviewDecision], _ verdict: AccessReviewVerdict, justification: String
    ) async throws -> [AccessReviewRecordOutcome] {
        try await wrapped {
            let me = try await myId()
            var outcomes: [String: AccessReviewRecordOutcome] = [:]
            var scopes: [AccessReviewScope] = []
            for decision in decisions where !scopes.contains(decision.recordingScope) {
                scopes.append(decision.recordingScope)
            }
            for scope in scopes {
                let chosen = decisions.filter { $0.recordingScope == scope }.map(\.decisionId)
                for outcome in try await record(chosen, in: scope, verdict, justification: justification, me: me) {
                    outcomes[outcome.decisionId] = outcome
                }
            }
            return decisions.map { outcomes[$0.decisionId] ?? AccessReviewRecordOutcome(decisionId: $0.decisionId) }
        }
    }

    public func acceptRecommendations(_ scope: AccessReviewScope) async throws {
        try await wrapped {
            let request = Endpoints.AccessReviews.acceptRecommendations(scope)
            do {
                do {
                    _ = try client.checked(try await client.exchange(request, write: true))
                } catch is AmbiguousWriteError {
                    // Accepting again only touches items still not reviewed, but look first: if nothing with
                    // a recommendation waits, the first call was applied.
                    let items = try await client.collect(
                        ReviewDecisionDTO.self, Endpoints.AccessReviews.decisions(scope))
                    let waiting = items.filter {
                        AccessReviewVerdict(graph: $0.decision ?? "") == .notReviewed
                            && AccessReviewRecommendation(graph: $0.recommendation).verdict != nil
                    }
                    guard !waiting.isEmpty else { return }
                    _ = try await client.sendingOnce { try await client.exchange(request, write: true) }
                }
            } catch let error as PIMError {
                throw Self.reviewWriteError(error)
            }
        }
    }

    /// Records `verdict` on the chosen items of one instance or stage: one `batchRecordDecisions` when
    /// they are every item I review there, else one PATCH each, so a failure names exactly which were not
    /// recorded.
    func record(
        _ chosen: [String], in scope: AccessReviewScope, _ verdict: AccessReviewVerdict, justification: String,
        me: String
    ) async throws -> [AccessReviewRecordOutcome] {
        if chosen.count > 1 {
            let all = try await client.collect(ReviewDecisionDTO.self, Endpoints.AccessReviews.decisions(scope))
            if Set(all.map { $0.id.lowercased() }) == Set(chosen.map { $0.lowercased() }) {
                return try await recordAll(chosen, in: scope, verdict, justification: justification, me: me)
            }
        }
        var outcomes: [AccessReviewRecordOutcome] = []
        for id in chosen {
            do {
                try await recordOne(id, in: scope, verdict, justification: justification, me: me)
                outcomes.append(AccessReviewRecordOutcome(decisionId: id))
            } catch {
                outcomes.append(AccessReviewRecordOutcome(decisionId: id, failure: PIMError.wrap(error)))
            }
        }
        return outcomes
    }

    /// R7 for every item of the scope. A lost answer is settled by reading the items back: those that
    /// carry my verdict were recorded, the others were not (and are not sent again here).
    func recordAll(
        _ chosen: [String], in scope: AccessReviewScope, _ verdict: AccessReviewVerdict, justification: String,
        me: String
    ) async throws -> [AccessReviewRecordOutcome] {
        let request = Endpoints.AccessReviews.batchRecord(scope, verdict, justification: justification)
        do {
            _ = try client.checked(try await client.exchange(request, write: true))
            return chosen.map { AccessReviewRecordOutcome(decisionId: $0) }
        } catch let ambiguous as AmbiguousWriteError {
            let items = try await client.collect(ReviewDecisionDTO.self, Endpoints.AccessReviews.decisions(scope))
            let lost = Self.lostAnswer(ambiguous.underlying)
            return chosen.map { id in
                let item = items.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
                return AccessReviewRecordOutcome(
                    decisionId: id, failure: item.map { Self.carries($0, verdict, by: me) } == true ? nil : lost)
            }
        } catch let error as PIMError {
            let mapped = Self.reviewWriteError(error)
            return chosen.map { AccessReviewRecordOutcome(decisionId: $0, failure: mapped) }
        }
    }

    /// R6 for one item. A lost answer is read back before the PATCH goes again, once.
    func recordOne(
        _ id: String, in scope: AccessReviewScope, _ verdict: AccessReviewVerdict, justification: String, me: String
    ) async throws {
        let request = Endpoints.AccessReviews.record(scope, decisionId: id, verdict, justification: justification)
        do {
            _ = try client.checked(try await client.exchange(request, write: true))
        } catch let ambiguous as AmbiguousWriteError {
            let item = try? client.decode(
                ReviewDecisionDTO.self,
                from: try await client.send(Endpoints.AccessReviews.decision(scope, decisionId: id)))
            if let item, Self.carries(item, verdict, by: me) { return }
            guard item != nil else { throw Self.lostAnswer(ambiguous.underlying) }
            do {
                _ = try await client.sendingOnce { try await client.exchange(request, write: true) }
            } catch let error as PIMError {
                throw Self.reviewWriteError(error)
            }
        } catch let error as PIMError {
            throw Self.reviewWriteError(error)
        }
    }

    /// The item holds `verdict` recorded by me.
    static func carries(_ item: ReviewDecisionDTO, _ verdict: AccessReviewVerdict, by me: String) -> Bool {
        AccessReviewVerdict(graph: item.decision ?? "") == verdict
            && item.reviewedBy?.principal?.id.caseInsensitiveCompare(me) == .orderedSame
    }

    static func lostAnswer(_ underlying: PIMError) -> PIMError {
        var error = underlying
        let reason = error.event.trimmingCharacters(in: CharacterSet(charactersIn: "."))
        error.event = "The decision may not have been recorded (\(reason))."
        error.step = .tryAgain
        return error
    }

    /// Graph documents no error codes for access review writes (contract section 7): the status says
    /// what happened.
    static func reviewWriteError(_ error: PIMError) -> PIMError {
        var mapped = error
        switch error.httpStatus {
        case 403 where error.graphCode != "PermissionScopeNotGranted":
            mapped.kind = .forbidden
            mapped.event = "You are not a reviewer of this decision, so Graph refused it."
            mapped.step = .none
        case 409:
            mapped.kind = .refused
            mapped.event = "This access review is no longer in progress, so it takes no decisions."
            mapped.step = .none
        default:
            break
        }
        return mapped
    }
}
