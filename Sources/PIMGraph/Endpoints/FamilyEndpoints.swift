import PIMDomain

/// The calls every target family answers, each at its family's own Graph address: directory roles
/// (`Endpoints.Roles`) and PIM for Groups (`Endpoints.Groups`). `Endpoints.of(_:)` is the one place
/// that picks a family's calls; a new family conforms here and joins that switch, and the compiler
/// names what it still lacks.
protocol FamilyEndpoints {
    /// The Graph version of `approval(id:)` reads, so they can be batched (a batch holds one version).
    static var approvalVersion: GraphVersion { get }
    /// The `$filter` that finds the policy assignment of `target`.
    static func policyFilter(_ target: TargetID) -> String
    static func createRequest(_ spec: ScheduleRequestSpec) -> GraphRequest
    static func cancel(requestId: String) -> GraphRequest
    static func request(id: String) -> GraphRequest
    static func approval(id: String) -> GraphRequest
    /// Approves or denies one stage (a role approval's "step").
    static func review(
        approvalId: String, stageId: String, decision: ApprovalDecision,
        justification: String
    ) -> GraphRequest
}

extension Endpoints {
    /// The Graph calls of a family. Azure roles have none: `GraphPIMService` hands them to its
    /// `AzureRoleService` before any Graph call is built, so reaching here with one is a bug, reported
    /// as an error rather than a Graph call for the wrong thing.
    static func of(_ family: TargetFamily) throws(PIMError) -> any FamilyEndpoints.Type {
        switch family {
        case .directoryRole: Roles.self
        case .group: Groups.self
        case .azure: throw notGraph
        }
    }

    static func of(_ kind: TargetKind) throws(PIMError) -> any FamilyEndpoints.Type { try of(kind.family) }

    /// The families Graph serves, for reads that ask each family in turn.
    static let graphFamilies = TargetFamily.allCases.filter { !$0.isAzureResourceManager }

    static let notGraph = PIMError(
        .other,
        "Azure roles are served by Azure Resource Manager, not Graph: this Azure target reached the Graph client",
        step: .tryAgainThenInspect(report: true))
}

extension Endpoints.Roles: FamilyEndpoints {
    static let approvalVersion = GraphVersion.beta

    static func policyFilter(_ target: TargetID) -> String {
        "scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq "
            + GraphRequest.literal(target.resourceId)
    }
}

extension Endpoints.Groups: FamilyEndpoints {
    static let approvalVersion = GraphVersion.v1

    static func policyFilter(_ target: TargetID) -> String {
        "scopeId eq \(GraphRequest.literal(target.resourceId)) and scopeType eq 'Group' and roleDefinitionId eq "
            + GraphRequest.literal(target.kind.groupAccessId ?? "member")
    }
}
