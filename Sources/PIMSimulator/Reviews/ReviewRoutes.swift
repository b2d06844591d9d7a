import Foundation

/// `/identityGovernance/accessReviews/definitions/…` for a reviewer (contract rows R1–R8): the lists
/// filtered by the caller as reviewer, one decision read and written, and the two bulk actions. Writes
/// are refused for a non-reviewer (403), outside the window of the instance or stage (409), and
/// without a justification the review requires (400).
enum ReviewRoutes {
    /// Decisions come in pages of this many unless `$top` asks for fewer or more, so a review of a
    /// dozen members pages as a large one does.
    static let defaultPageSize = 10

    static func route(_ ctx: RequestContext, _ s: [String], _ session: inout TenantSession) throws -> TenantResponse {
        guard s.first?.lowercased() == "definitions" else { throw GraphFailure.segmentNotFound(s.first ?? "") }
        var ctx = ctx
        ctx.pageSize = min(ctx.pageSize, defaultPageSize)
        if session.state.reviews == nil {
            // A state file from before access reviews existed gets them now.
            session.state.reviews = ReviewSeed.make(now: ctx.now, state: session.state)
            session.changed = true
        }
        let me = ctx.caller.id
        let now = ctx.now
        let series = session.state.reviews?.definitions ?? []
        if s.count == 2, try Router.currentUserFilter(s[1], allowed: ["reviewer"]) != nil {
            try ctx.requireMethod("GET")
            return try ctx.collection(
                series.filter { $0.isReviewer(me) }.map { ReviewWire.definition($0, now: now) },
                type: "accessReviewScheduleDefinition", context: "Collection(accessReviewScheduleDefinition)")
        }
        guard s.count >= 2, let index = series.firstIndex(where: { $0.id.lowercased() == s[1].lowercased() }) else {
            throw GraphFailure.notFound("accessReviewScheduleDefinition \(s.count >= 2 ? s[1] : "")")
        }
        let definition = series[index]
        if s.count == 2 {
            try ctx.requireMethod("GET")
            guard definition.isReviewer(me) else { throw GraphFailure.forbidden }
            return try ctx.entity(
                ReviewWire.definition(definition, now: now), type: "accessReviewScheduleDefinition",
                context: "identityGovernance/accessReviews/definitions/$entity")
        }
        guard s[2].lowercased() == "instances" else { throw GraphFailure.segmentNotFound(s[2]) }
        guard s.count >= 4 else { throw GraphFailure.methodNotAllowed }
        if s.count == 4, try Router.currentUserFilter(s[3], allowed: ["reviewer"]) != nil {
            try ctx.requireMethod("GET")
            let mine = definition.isReviewer(me) ? [ReviewWire.instance(definition, now: now)] : []
            return try ctx.collection(mine, type: "accessReviewInstance", context: "Collection(accessReviewInstance)")
        }
        guard s[3].lowercased() == definition.instance.id.lowercased() else {
            throw GraphFailure.notFound("accessReviewInstance \(s[3])")
        }
        var rest = Array(s.dropFirst(4))
        var stage: ReviewStagePeriod?
        if rest.first?.lowercased() == "stages" {
            guard rest.count >= 2 else { throw GraphFailure.methodNotAllowed }
            if rest.count == 2, try Router.currentUserFilter(rest[1], allowed: ["reviewer"]) != nil {
                try ctx.requireMethod("GET")
                let mine = definition.instance.stages.filter { $0.reviewers.contains(me) }
                return try ctx.collection(
                    mine.map { ReviewWire.stage($0, now: now) }, type: "accessReviewStage",
                    context: "Collection(accessReviewStage)")
            }
            guard let found = definition.instance.stages.first(where: { $0.id.lowercased() == rest[1].lowercased() })
            else { throw GraphFailure.notFound("accessReviewStage \(rest[1])") }
            stage = found
            rest = Array(rest.dropFirst(2))
        }
        let window = Window(definition: definition, stage: stage)
        guard let action = rest.first?.lowercased() else { throw GraphFailure.methodNotAllowed }
        switch action {
        case "decisions":
            return try decisions(ctx, Array(rest.dropFirst()), window, &session, series: index)
        case "batchrecorddecisions":
            try ctx.requireMethod("POST")
            let (verdict, justification) = try verdictBody(ctx, definition)
            try window.requireWritable(by: me, now: now)
            let principal = try ctx.jsonBody().member(ignoringCase: "principalId")?.stringValue
            let resource = try ctx.jsonBody().member(ignoringCase: "resourceId")?.stringValue
            session.update(series: index) { item in
                guard window.holds(item, for: me) else { return }
                if let principal, item.principalId.lowercased() != principal.lowercased() { return }
                if let resource, item.resource?.id.lowercased() != resource.lowercased() { return }
                item.record(verdict, justification, by: me, at: now)
            }
            return .noContent
        case "acceptrecommendations":
            try ctx.requireMethod("POST")
            try window.requireWritable(by: me, now: now)
            session.update(series: index) { item in
                guard window.holds(item, for: me), item.decision == "NotReviewed",
                    item.recommendation == "Approve" || item.recommendation == "Deny"
                else { return }
                item.record(item.recommendation, "", by: me, at: now)
            }
            return .noContent
        default:
            throw GraphFailure.segmentNotFound(rest[0])
        }
    }

    /// `…/decisions/filterByCurrentUser(on='reviewer')`, and one decision by id (GET, PATCH).
    static func decisions(
        _ ctx: RequestContext, _ rest: [String], _ window: Window, _ session: inout TenantSession, series: Int
    ) throws -> TenantResponse {
        let me = ctx.caller.id
        let definition = window.definition
        let users = session.state.users
        func wire(_ item: ReviewItem) -> SimJSON {
            ReviewWire.decision(item, instanceId: definition.instance.id, users: users, origin: ctx.origin)
        }
        guard let segment = rest.first else { throw GraphFailure.methodNotAllowed }
        if rest.count == 1, try Router.currentUserFilter(segment, allowed: ["reviewer", "unknownFutureValue"]) != nil {
            try ctx.requireMethod("GET")
            let mine = definition.instance.items.filter { window.holds($0, for: me) }
            return try ctx.collection(
                mine, shape: wire, type: "accessReviewInstanceDecisionItem",
                context: "Collection(accessReviewInstanceDecisionItem)")
        }
        guard rest.count == 1,
            let item = definition.instance.items.first(where: {
                $0.id.lowercased() == segment.lowercased() && window.contains($0)
            })
        else { throw GraphFailure.notFound("accessReviewInstanceDecisionItem \(segment)") }
        switch ctx.method {
        case "GET":
            guard window.reviewers.contains(me) else { throw GraphFailure.forbidden }
            return try ctx.entity(
                wire(item), type: "accessReviewInstanceDecisionItem",
                context: "identityGovernance/accessReviews/definitions/instances/decisions/$entity")
        case "PATCH":
            let (verdict, justification) = try verdictBody(ctx, definition)
            try window.requireWritable(by: me, now: ctx.now)
            session.update(series: series) { candidate in
                if candidate.id == item.id { candidate.record(verdict, justification, by: me, at: ctx.now) }
            }
            return .noContent
        default:
            throw GraphFailure.methodNotAllowed
        }
    }

    /// `decision` (one of the four values) and `justification`, required when the review says so.
    static func verdictBody(_ ctx: RequestContext, _ definition: ReviewSeries) throws -> (String, String) {
        let body = try ctx.jsonBody()
        let allowed = ["Approve", "Deny", "DontKnow", "NotReviewed"]
        guard let raw = body.member(ignoringCase: "decision")?.stringValue,
            let verdict = allowed.first(where: { $0.caseInsensitiveCompare(raw) == .orderedSame })
        else {
            throw GraphFailure.badRequest(
                "The property 'decision' must be one of Approve, Deny, DontKnow or NotReviewed.")
        }
        let justification = body.member(ignoringCase: "justification")?.stringValue ?? ""
        if definition.justificationRequired, verdict != "NotReviewed",
            justification.trimmingCharacters(in: .whitespaces).isEmpty
        {
            throw GraphFailure.badRequest("A justification is required for decisions in this access review.")
        }
        return (verdict, justification)
    }

    /// Where a request writes: the instance of a single-stage review, or one stage.
    struct Window {
        var definition: ReviewSeries
        var stage: ReviewStagePeriod?

        var reviewers: [String] {
            if let stage { return stage.reviewers }
            if definition.isMultiStage { return definition.instance.stages.flatMap(\.reviewers) }
            return definition.reviewers
        }

        func contains(_ item: ReviewItem) -> Bool { stage == nil || item.stageId == stage?.id }

        /// The item is in this window and `userId` reviews it (for an instance of a multi-stage review:
        /// in a stage `userId` reviews).
        func holds(_ item: ReviewItem, for userId: String) -> Bool {
            guard contains(item) else { return false }
            if let stageId = item.stageId {
                return definition.instance.stages.first { $0.id == stageId }?.reviewers.contains(userId) == true
            }
            return definition.reviewers.contains(userId)
        }

        /// Graph documents no error codes for these refusals (access-reviews-contract.md section 7, UNCERTAIN
        /// until a live tenant is asked): the statuses follow the contract's expectation, the codes are generic.
        func requireWritable(by userId: String, now: Date) throws {
            guard reviewers.contains(userId) else {
                throw GraphFailure(
                    status: 403, code: "Forbidden", message: "The caller is not a reviewer of this access review.")
            }
            let open =
                if let stage { ReviewStatus.of(start: stage.start, end: stage.end, now: now) } else {
                    ReviewStatus.of(start: definition.instance.start, end: definition.instance.end, now: now)
                }
            guard open == "InProgress" else {
                throw GraphFailure(
                    status: 409, code: "Conflict",
                    message: "The access review is \(open), so decisions can no longer be recorded.")
            }
        }
    }
}

extension ReviewItem {
    mutating func record(_ verdict: String, _ text: String, by userId: String, at now: Date) {
        decision = verdict
        justification = text
        reviewedBy = verdict == "NotReviewed" ? nil : userId
        reviewedAt = verdict == "NotReviewed" ? nil : now
    }
}

extension TenantSession {
    /// Applies `change` to every decision item of one series, and marks the state changed.
    mutating func update(series index: Int, _ change: (inout ReviewItem) -> Void) {
        guard var estate = state.reviews else { return }
        for item in estate.definitions[index].instance.items.indices {
            change(&estate.definitions[index].instance.items[item])
        }
        state.reviews = estate
        changed = true
    }
}
