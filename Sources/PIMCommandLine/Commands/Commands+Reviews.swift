import Foundation
import PIMDomain
import PIMTables

extension OptionSpec {
    static let approveAccess = OptionSpec("approve", help: "The person still needs the access.")
    static let denyAccess = OptionSpec("deny", help: "The person no longer needs the access.")
    static let dontKnow = OptionSpec("dont-know", help: "You cannot tell whether the person needs the access.")
    static let acceptRecommendations = OptionSpec(
        "accept-recommendations", value: "INSTANCE_ID",
        help: "Record the service's recommendation on every decision of the review instance you have not made.")
}

extension ArgumentSpec {
    static let reviewDecisionIds = ArgumentSpec(
        "DECISION_ID",
        help: "A decision id shown by pim reviews, or a unique prefix of at least 8 characters of it.",
        optional: true, repeating: true, completion: .reviewDecisions)
}

extension Command {
    static let reviews = Command(
        CommandSpec(
            "reviews", abstract: "List the access review decisions waiting for me, per review.",
            discussion: "Shows every decision of the access reviews in progress that you review, decided or not, "
                + "grouped by review with the soonest due first.",
            examples: [
                Example("pim reviews", "What the reviews ask of me."),
                Example("pim reviews -o json", "The same as JSON rows."),
            ]
        )
    ) { try await Commands.reviews($0) }

    static let review = Command(
        CommandSpec(
            "review", abstract: "Record access review decisions, or accept a review's recommendations.",
            discussion: "Several decisions share the verdict and the justification; those of one review that are "
                + "every decision you make there are recorded in one call. A decision another reviewer recorded, "
                + "or one of a review no longer in progress, is refused and nothing is sent for it.",
            arguments: [.reviewDecisionIds],
            options: [
                .approveAccess, .denyAccess, .dontKnow,
                .justification.with(help: "Why (required where the review asks for one)."),
                .acceptRecommendations,
            ],
            examples: [
                Example("pim review 3f9a1c2e --approve -j \"Still on the team\"", "Keep one person's access."),
                Example("pim review 3f9a1c2e 7b2d4e6f --deny -j \"Left the team\"", "Remove two people's access."),
                Example("pim review --accept-recommendations 5c8e2a1b", "Take the service's advice on the rest."),
            ]
        )
    ) { try await Commands.review($0) }
}

extension Commands {
    /// `pim reviews`.
    static func reviews(_ context: CommandContext) async throws -> Int32 {
        let source = try await accessReviewSource(context)
        let queue = AccessReviewQueue(try await source.accessReviewDecisions())
        cacheReviewDecisionIds(queue.decisions, context: context)
        if context.json {
            context.print(.array(queue.decisions.map(JSONRows.accessReviewDecision)))
            return 0
        }
        if queue.groups.isEmpty {
            context.say("No access reviews wait for you.")
            return 0
        }
        context.print(Table(Tables.accessReviews, rows: queue.decisions, context: context.columns))
        let waiting = queue.waiting
        let reviews = queue.groups.count
        context.notice(
            """
            Waiting for you: \(waiting) decision\(waiting == 1 ? "" : "s") in \(reviews) \
            review\(reviews == 1 ? "" : "s").
            """)
        return 0
    }

    static func accessReviewSource(_ context: CommandContext) async throws -> any AccessReviewService {
        let service = try await context.service()
        guard let source = service as? any AccessReviewService else {
            throw PIMError(.other, "This service has no access reviews.")
        }
        return source
    }

    /// `pim review DECISION_ID... --approve|--deny|--dont-know [--justification TEXT]` and
    /// `pim review --accept-recommendations INSTANCE_ID`.
    static func review(_ context: CommandContext) async throws -> Int32 {
        let typed = context.invocation.values(.reviewDecisionIds)
        let chosen: [(OptionSpec, AccessReviewVerdict)] = [
            (.approveAccess, .approve), (.denyAccess, .deny), (.dontKnow, .dontKnow),
        ].filter { context.invocation.has($0.0) }
        if let instance = context.invocation.value(.acceptRecommendations) {
            guard typed.isEmpty, chosen.isEmpty else {
                throw UsageError(
                    "--accept-recommendations records the service's advice: leave out decision ids and verdicts.",
                    command: "review")
            }
            return try await acceptRecommendations(instance, context)
        }
        guard !typed.isEmpty else {
            throw UsageError("pim review needs a DECISION_ID (see pim reviews).", command: "review")
        }
        guard chosen.count == 1, let verdict = chosen.first?.1 else {
            throw UsageError("Say one verdict: --approve, --deny or --dont-know.", command: "review")
        }
        var justification = context.invocation.value(.justification).flatMap { $0.isEmpty ? nil : $0 }
        let source = try await accessReviewSource(context)
        let decisions = try await source.accessReviewDecisions()
        let resolved = try IdPrefixResolver.resolveAll(
            typed, among: decisions, ids: { [$0.decisionId] }, command: "review", noun: "decision id")
        let me = try await context.service().currentUser()
        let plan = AccessReviewPlan(
            resolved, verdict: verdict, justification: justification, me: me.id,
            unknown: { typed in
                PIMError(
                    .notFound,
                    "No access review decision in progress of yours has id \(typed): run pim reviews to see them.")
            })
        // The review asks for a justification and none was given: asked for on a terminal, else refused
        // before anything is sent.
        if plan.needsJustification != nil {
            justification = context.prompt("Justification")
        }
        if let missing = plan.needsJustification, justification == nil {
            throw PIMError(.refused, AccessReviewPlan.justificationMissing(missing) + ": add --justification \"why\".")
        }
        var outcomes: [String: AccessReviewRecordOutcome] = [:]
        if !plan.toSend.isEmpty {
            for outcome in try await source.record(plan.toSend, verdict, justification: justification ?? "") {
                outcomes[outcome.decisionId] = outcome
            }
        }
        return try reportReview(plan, outcomes: outcomes, verdict: verdict, justification: justification, context)
    }

    /// One line per id (or the single id's error), the worst exit code, and after a partial failure which
    /// decisions were recorded and which were not.
    static func reportReview(
        _ plan: AccessReviewPlan, outcomes: [String: AccessReviewRecordOutcome], verdict: AccessReviewVerdict,
        justification: String?, _ context: CommandContext
    ) throws -> Int32 {
        var worst: Int32 = 0
        var documents: [JSONValue] = []
        var recorded: [String] = []
        var failed: [String] = []
        let single = plan.steps.count == 1
        for step in plan.steps {
            let failure: PIMError?
            switch step.action {
            case .refuse(let error): failure = error
            case .skip: failure = nil
            case .send(let decision): failure = outcomes[decision.decisionId]?.failure
            }
            if let failure {
                if single { throw failure }
                worst = max(worst, CommandLineTool.report(failure, console: context.console))
                failed.append(step.typed)
                continue
            }
            guard let decision = step.decision else { continue }
            if case .send = step.action { recorded.append(String(decision.decisionId.prefix(8))) }
            var done = decision
            done.verdict = verdict
            done.justification = justification
            if context.json {
                documents.append(JSONRows.accessReviewDecision(done))
            } else {
                let already = if case .skip = step.action { "Already recorded" } else { "Recorded" }
                // A group review's decisions carry no resource: its name is then the review's, said once.
                let review = decision.reviewName == decision.resourceName ? "" : " (\(decision.reviewName))"
                context.say(
                    safeLines(
                        """
                        \(already) \(verdict.rawValue) on \(decision.decisionId.prefix(8)): \
                        \(decision.principal.label) for \(decision.resourceName)\(review).
                        """))
            }
        }
        if context.json {
            context.print(single ? documents.first ?? .null : .array(documents))
        }
        if !failed.isEmpty, !recorded.isEmpty {
            context.notice(
                """
                \(AccessReviewPlan.partialSummary(recorded: recorded, failed: failed)); \
                running the same command again records only those.
                """)
        }
        return worst
    }

    /// `--accept-recommendations INSTANCE_ID`: the instance whole or as a unique prefix, in its stage in
    /// progress when it has stages.
    static func acceptRecommendations(_ typed: String, _ context: CommandContext) async throws -> Int32 {
        let source = try await accessReviewSource(context)
        let groups = AccessReviewQueue(try await source.accessReviewDecisions()).groups
        guard
            let group = try IdPrefixResolver.resolve(
                typed, among: groups, ids: { [$0.scope.instanceId] }, command: "review", noun: "instance id")
        else {
            throw PIMError(
                .notFound, "No access review in progress that you review has instance id \(typed): run pim reviews.")
        }
        let accepted = group.decisions.filter { $0.isWaiting && $0.recommendation.verdict != nil }.count
        try await source.acceptRecommendations(group.scope)
        if context.json {
            context.print(
                .object([
                    ("reviewId", .string(group.scope.reviewId)), ("instanceId", .string(group.scope.instanceId)),
                    ("stageId", .string(group.scope.stageId)), ("reviewName", .string(group.reviewName)),
                    ("acceptedCount", .int(accepted)),
                ]))
        } else {
            context.say(
                safeLines(
                    """
                    Accepted the recommendation on \(accepted) decision\(accepted == 1 ? "" : "s") of \
                    \(group.reviewName).
                    """))
        }
        return 0
    }
}
