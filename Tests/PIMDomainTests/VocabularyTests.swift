import Foundation
import Testing
@testable import PIMDomain

@Suite struct VocabularyTests {
    @Test func statusesAreReadWithoutCase() {
        #expect(RequestStatus(graphValue: "PendingApproval") == .pendingApproval)
        #expect(RequestStatus(graphValue: "pendingapproval") == .pendingApproval)
        #expect(RequestStatus(graphValue: "PendingEvaluation") == .other("PendingEvaluation"))
        for status in RequestStatus.documented { #expect(RequestStatus(graphValue: status.graphValue) == status) }
        #expect(RequestStatus.documented.count == 11)
    }

    @Test func pendingAndCancelableStates() {
        #expect(RequestStatus.pendingApproval.isPending && RequestStatus.pendingApproval.isCancelable)
        #expect(RequestStatus.granted.isCancelable && !RequestStatus.provisioned.isCancelable)
        #expect(RequestStatus.denied.isRefusal && !RequestStatus.provisioned.isRefusal)
    }

    @Test func aRevokedDeactivationIsNotARefusal() {
        let target = ElevationTarget(id: .role("r"), displayName: "R")
        func request(_ action: RequestAction, _ status: RequestStatus) -> ElevationRequest {
            ElevationRequest(id: "1", target: target, action: action, status: status, principal: Principal(id: "p"))
        }
        #expect(!request(.selfDeactivate, .revoked).wasRefused)
        #expect(request(.selfActivate, .revoked).wasRefused)
        #expect(request(.selfActivate, .denied).wasRefused)
        #expect(!request(.selfActivate, .provisioned).wasRefused)
    }

    @Test func actionsAreSentCamelCaseAndReadInAnyCase() {
        #expect(RequestAction(graphValue: "SelfActivate") == .selfActivate)
        #expect(RequestAction.selfActivate.graphValue == "selfActivate")
        #expect(RequestAction(graphValue: "AdminRemove") == .adminRemove)
        #expect(MemberType(graphValue: "Direct") == .direct)
        #expect(AssignmentType(graphValue: "Activated") == .activated)
        #expect(AssignmentType(graphValue: "assigned") == .assigned)
        #expect(ReviewResult(graphValue: "NotReviewed") == .notReviewed)
    }

    @Test func policyRulesHaveFixes() {
        for name in ["JustificationRule", "TicketingRule", "ExpirationRule", "MfaRule", "EligibilityRule"] {
            let rule = PolicyRule(serviceName: name)
            #expect(rule.serviceName == name)
            #expect(!rule.requirement.isEmpty)
        }
        #expect(PolicyRule(serviceName: "NewRule") == .other("NewRule"))
    }

    @Test func policyRequirementsForTheColumn() {
        let policy = ActivationPolicy(
            maxDuration: .hours(2), requiresJustification: true, requiresTicket: true,
            requiresMfa: false, authenticationContext: "c1", requiresApproval: true)
        #expect(policy.requirementLabels == ["justification", "ticket", "auth context c1", "approval"])
        #expect(policy.requiresStepUp)
        #expect(policy.cappedDuration(.hours(8)) == .hours(2))
        #expect(policy.cappedDuration(.minutes(30)) == .minutes(30))
        #expect(ActivationPolicy(maxDuration: nil).cappedDuration(.hours(9)) == .hours(9))
    }

    @Test func tiers() {
        let ga = ElevationTarget(id: .role("62e90394-69f5-4237-9190-012177145e10"), displayName: "Global Administrator")
        let pra = ElevationTarget(id: .role("x"), displayName: "Privileged Role Administrator")
        let helpdesk = ElevationTarget(id: .role("y"), displayName: "Helpdesk Administrator")
        let reader = ElevationTarget(id: .role("z"), displayName: "Message Center Reader")
        let tier0Group = ElevationTarget(id: .group("g"), displayName: "pag_Tier0.Intune.SAWClientAdmin")
        let tier3Group = ElevationTarget(id: .group("h"), displayName: "pag_Tier3.Intune.DefaultClientAdmin")
        #expect(ga.tier == .tier0 && pra.tier == .tier0)
        #expect(helpdesk.tier == .tier1)
        #expect(reader.tier == .tier2)
        #expect(tier0Group.tier == .tier0 && tier3Group.tier == .tier2)
        #expect(PrivilegeTier.tier0.label == "Tier 0")
    }

    @Test func targetIdentity() {
        #expect(TargetID.role("r").scope == "/")
        #expect(TargetID.group("g").scope == nil)
        #expect(TargetID.group("g", owner: true).kind.groupAccessId == "owner")
        #expect(TargetID.role("r") != TargetID.role("r", scope: "/administrativeUnits/au1"))
        let group = ElevationTarget(id: .group("g"), displayName: "ops")
        #expect(group.scopeLabel == "Group")
        #expect(ElevationTarget(id: .role("r"), displayName: "R").scopeLabel == "Directory")
    }

    @Test func approvalClocks() {
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        let target = ElevationTarget(id: .role("r"), displayName: "R")
        let request = ElevationRequest(
            id: "1", target: target, action: .selfActivate, status: .pendingApproval,
            principal: Principal(id: "p"), createdAt: created)
        let item = ApprovalItem(request: request)
        let now = created.addingTimeInterval(3600)
        #expect(abs((item.waited(at: now) ?? 0) - 3600) < 0.001)
        #expect(abs((item.windowLeft(at: now) ?? 0) - 23 * 3600) < 0.001)
    }

    @Test func errorsWrapIntoSentences() {
        let problem = DraftProblem(field: .start, reason: .inThePast)
        let wrapped = PIMError.wrap(DraftProblems([problem]))
        #expect(wrapped.kind == .refused)
        #expect(wrapped.event == problem.message)
        #expect(wrapped.step == NextStep.none)
        let error = PIMError(.service, "Graph is unavailable", step: .tryAgainLater(.later), requestId: "abc")
        #expect(error.description == "Graph is unavailable: try again later.")
        #expect(PIMError.wrap(error) == error)
    }
}

/// What became of a request that no longer waits for a decision, in an approver's words.
@Suite struct DecidedOutcomeTests {
    static let at = Date(timeIntervalSince1970: 1_795_459_440)  // 2026-11-23T18:44:00Z

    static func approval(_ result: ReviewResult, by reviewer: Principal?) -> Approval {
        Approval(
            id: "r1",
            stages: [
                ApprovalStage(
                    id: "s1", status: "Completed", assignedToMe: false, reviewResult: result,
                    reviewedBy: reviewer, reviewedAt: at)
            ])
    }

    @Test func saysWhoDecidedAndWhen() {
        let ben = Principal(id: "u-ben", displayName: "Ben Okafor")
        #expect(
            DecidedOutcome.words(status: .denied, approval: Self.approval(.denied, by: ben), me: "u-ada")
                == "denied by Ben Okafor at 18:44 UTC")
        #expect(
            DecidedOutcome.words(status: .provisioned, approval: Self.approval(.approved, by: ben), me: "U-BEN")
                == "approved by you at 18:44 UTC")
    }

    @Test func aCancelledRequestIsNotCalledDecided() {
        let open = Approval(id: "r1", stages: [ApprovalStage(id: "s1", status: "Completed", assignedToMe: true)])
        #expect(DecidedOutcome.words(status: .canceled, approval: open, me: "u-ben") == "cancelled by the requester")
    }

    @Test func aRequestStillWaitingHasNoOutcome() {
        let open = Approval(id: "r1", stages: [ApprovalStage(id: "s1", status: "InProgress", assignedToMe: true)])
        #expect(DecidedOutcome.words(status: .pendingApproval, approval: open, me: "u-ben") == nil)
        #expect(DecidedOutcome.words(status: nil, approval: nil, me: nil) == nil)
    }
}

/// Cutting a column of names: only names that would read alike are cut in the middle.
@Suite struct DistinctCutTests {
    @Test func namesThatReadAlikeWhenCutAreCutInTheMiddleTheRestAtTheEnd() {
        let names = [
            "itops-sysadmin-prod-noapproval", "itops-sysadmin-prod-requireapproval", "pag_Tier0.Intune.SAWClientAdmin",
            "Reports Reader", "Global Administrator", "Global Administrator",
        ]
        let cut = DisplayWidth.truncateDistinct(names, to: 19)
        #expect(
            cut == [
                "itops-sys…oapproval", "itops-sys…eapproval", "pag_Tier0.Intune.S…", "Reports Reader",
                "Global Administrat…", "Global Administrat…",
            ])
        #expect(cut.allSatisfy { DisplayWidth.of($0) <= 19 })
    }

    @Test func theMiddleCutKeepsWideCharactersWhole() {
        let cut = DisplayWidth.truncateDistinct(
            ["日本語の管理者グループA", "日本語の管理者グループB"], to: 9)
        #expect(cut[0] != cut[1], "\(cut)")
        #expect(cut.allSatisfy { DisplayWidth.of($0) <= 9 }, "\(cut)")
    }
}

@Suite struct IncompleteListingErrorTests {
    /// The listing names every section that failed, says why the first one failed and keeps that
    /// failure's step as data (not a sentence cut at its last colon).
    @Test func anIncompleteListingKeepsTheFirstFailuresStep() {
        let forbidden = PIMError(
            .forbidden, "Graph refused this for your account (\"No.\")", step: .getPermission,
            graphCode: "Forbidden", requestId: "r-1", httpStatus: 403)
        let failing = PIMError(
            .service, "Graph answered with a server error (HTTP 500)",
            step: .tryAgainLater(.inAFewMinutes))
        let error = PIMError.incomplete([.history: failing, .eligibleRoles: forbidden])
        #expect(error.kind == .service)
        #expect(error.step == .getPermission)
        #expect(error.event.hasPrefix("Could not read "))
        #expect(error.event.hasSuffix("(Graph refused this for your account (\"No.\")), so the listing is incomplete"))
        #expect(error.requestId == "r-1")
        #expect(error.graphCode == "Forbidden")
    }

    @Test func aPageThatCouldNotBeFollowedSaysIncompleteOnce() {
        let page = PIMError(
            .service,
            "Graph sent the same page twice (its next-page link loops), so the listing is incomplete",
            step: .tryAgainLater(.later))
        let error = PIMError.incomplete([.eligibleRoles: page])
        #expect(error.event.components(separatedBy: "so the listing is incomplete").count == 2, "\(error.event)")
        #expect(error.step == .tryAgainLater(.later))
    }
}
