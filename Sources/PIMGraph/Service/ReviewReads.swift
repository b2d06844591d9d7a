import Foundation
import PIMDomain

/// The access review reads of the dashboard: the series I review always go in the first batch, and so
/// do the instances, stages and decisions the hints remember; whatever the first answers reveal beyond
/// the hints is read after it (a first start's extra rounds), each list to its last page.
struct ReviewReads {
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

    /// My decisions in every period in progress, and the periods to remember; a failure anywhere
    /// leaves the decisions out and says why (never failing the dashboard). What the first batch did not
    /// ask is read one level at a time, each level in one batch: instances, then stages, then decisions.
    static func read(
        _ reader: inout BatchReader
    ) async -> (decisions: [AccessReviewDecision], periods: [AccessReviewScope], failure: PIMError?) {
        do {
            let definitions = try await reader.listResult(ReviewDefinitionDTO.self, definitionsID).get()
            try await loadMissing(
                definitions.map {
                    BatchItem(id: instancesID($0.id), request: Endpoints.AccessReviews.instances(reviewId: $0.id))
                }, &reader)
            var instances: [(ReviewDefinitionDTO, ReviewPeriodDTO)] = []
            for definition in definitions {
                let listed = try await reader.listResult(ReviewPeriodDTO.self, instancesID(definition.id)).get()
                instances += listed.filter(\.inProgress).map { (definition, $0) }
            }
            try await loadMissing(
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
            return (decisions, periods.map(\.2), nil)
        } catch {
            return ([], [], PIMError.wrap(error))
        }
    }

    /// Reads, in one batch, the items the batches so far did not ask.
    static func loadMissing(_ wanted: [BatchItem], _ reader: inout BatchReader) async throws {
        try await reader.load(wanted.filter { reader.responses[$0.id] == nil })
    }
}
