import Foundation
import PIMDomain

/// The access review reads of the dashboard: the series I review always go in the first batch, and so
/// do the instances, stages and decisions the hints remember. When the first answers complete the chain
/// they come with the dashboard; when they reveal more (a first start, a period that ended, a new series)
/// the rest is read by a chain that follows the dashboard instead of holding it, each list to its last page.
struct ReviewReads {
    /// My decisions in every period in progress, the periods to remember, and why the reads failed.
    struct Outcome: Sendable {
        var decisions: [AccessReviewDecision]
        var periods: [AccessReviewScope]
        var failure: PIMError?
    }

    /// The first batch did not ask everything the chain needs.
    private struct NeedsMore: Error {}

    static let definitionsID = "revDefs"
    /// Graph's largest page of decisions: a review of up to 100 decisions is one answer in the batch.
    static let pageSize = 100
    static func instancesID(_ reviewId: String) -> String { "revInst|\(reviewId)" }
    static func stagesID(_ reviewId: String, _ instanceId: String) -> String { "revStages|\(reviewId)|\(instanceId)" }
    static func decisionsID(_ scope: AccessReviewScope) -> String {
        "revDec|\(scope.reviewId)|\(scope.instanceId)|\(scope.stageId ?? "")"
    }

    /// The reads for the first batch, from what the last load found.
    static func items(hinted: [AccessReviewScope]) -> [BatchItem] {
        var items = [BatchItem(id: definitionsID, request: Endpoints.AccessReviews.definitions())]
        var reviews: [String] = []
        var instances: [AccessReviewScope] = []
        for hint in hinted {
            if !reviews.contains(hint.reviewId) { reviews.append(hint.reviewId) }
            let instance = AccessReviewScope(reviewId: hint.reviewId, instanceId: hint.instanceId)
            if hint.stageId != nil, !instances.contains(instance) { instances.append(instance) }
        }
        items += reviews.map { .init(id: instancesID($0), request: Endpoints.AccessReviews.instances(reviewId: $0)) }
        items += instances.map {
            .init(id: stagesID($0.reviewId, $0.instanceId), request: Endpoints.AccessReviews.stages($0))
        }
        items += GraphPIMService.unique(hinted.map { decisionsID($0) }).compactMap { id in
            hinted.first { decisionsID($0) == id }.map {
                .init(id: id, request: Endpoints.AccessReviews.decisions($0, top: pageSize))
            }
        }
        return items
    }

    /// The outcome from the answers `reader` holds, or nil when they do not complete the chain (the rest
    /// must follow). A failure in them is an outcome: it needs no more reads to be told.
    static func answered(_ reader: inout BatchReader) async -> Outcome? {
        do {
            return try await chain(&reader, following: false)
        } catch is NeedsMore {
            return nil
        } catch {
            return Outcome(decisions: [], periods: [], failure: PIMError.wrap(error))
        }
    }

    /// The whole outcome: what `reader` does not hold yet is read one level at a time, each level in one
    /// batch (instances, then stages, then decisions). A failure anywhere leaves the decisions out and says
    /// why (never failing the dashboard).
    static func read(_ reader: inout BatchReader) async -> Outcome {
        do {
            return try await chain(&reader, following: true)
        } catch {
            return Outcome(decisions: [], periods: [], failure: PIMError.wrap(error))
        }
    }

    /// Only the access review answers of `reader`: what a chain that follows the dashboard starts from,
    /// without holding the rest of the first batch's answers.
    static func seed(from reader: BatchReader) -> [String: HTTPResponse] {
        reader.responses.filter { $0.key.hasPrefix("rev") }
    }

    private static func chain(_ reader: inout BatchReader, following: Bool) async throws -> Outcome {
        let definitions = try await reader.listResult(ReviewDefinitionDTO.self, definitionsID).get()
        try await loadMissing(
            following: following,
            definitions.map {
                BatchItem(id: instancesID($0.id), request: Endpoints.AccessReviews.instances(reviewId: $0.id))
            }, &reader)
        var instances: [(ReviewDefinitionDTO, ReviewPeriodDTO)] = []
        for definition in definitions {
            let listed = try await reader.listResult(ReviewPeriodDTO.self, instancesID(definition.id)).get()
            instances += listed.filter(\.inProgress).map { (definition, $0) }
        }
        try await loadMissing(
            following: following,
            instances.filter { $0.0.multiStage }.map { definition, instance in
                BatchItem(
                    id: stagesID(definition.id, instance.id),
                    request: Endpoints.AccessReviews.stages(
                        AccessReviewScope(reviewId: definition.id, instanceId: instance.id)))
            }, &reader)
        var periods: [(ReviewDefinitionDTO, ReviewPeriodDTO, AccessReviewScope, ReviewPeriodDTO)] = []
        for (definition, instance) in instances {
            let scope = AccessReviewScope(reviewId: definition.id, instanceId: instance.id)
            guard definition.multiStage else {
                periods.append((definition, instance, scope, instance))
                continue
            }
            let stages = try await reader.listResult(
                ReviewPeriodDTO.self, stagesID(definition.id, instance.id)
            ).get()
            periods += stages.filter(\.inProgress).map { stage in
                (
                    definition, instance,
                    AccessReviewScope(reviewId: definition.id, instanceId: instance.id, stageId: stage.id), stage
                )
            }
        }
        try await loadMissing(
            following: following,
            periods.map {
                BatchItem(id: decisionsID($0.2), request: Endpoints.AccessReviews.decisions($0.2, top: pageSize))
            }, &reader)
        var decisions: [AccessReviewDecision] = []
        for (definition, instance, scope, period) in periods {
            let items = try await reader.listResult(ReviewDecisionDTO.self, decisionsID(scope)).get()
            decisions += items.map {
                $0.decision(definition: definition, scope: scope, instance: instance, period: period)
            }
        }
        return Outcome(decisions: decisions, periods: periods.map(\.2))
    }

    /// Reads, in one batch, the items the batches so far did not ask; without `following`, such items
    /// end the chain here (`NeedsMore`).
    static func loadMissing(following: Bool, _ wanted: [BatchItem], _ reader: inout BatchReader) async throws {
        let missing = wanted.filter { reader.responses[$0.id] == nil }
        guard !missing.isEmpty else { return }
        guard following else { throw NeedsMore() }
        try await reader.load(missing)
    }
}
