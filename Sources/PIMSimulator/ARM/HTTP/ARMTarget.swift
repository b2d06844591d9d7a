import Foundation

/// Where an Azure Resource Manager request points: decoded path segments and query pairs, and the
/// path as received (for `nextLink`). Parsed from raw text so batch items and top-level URLs agree.
struct ARMTarget {
    var segments: [String]
    var query: [(String, String)]
    /// The path as received, still percent-encoded.
    var rawPath: String
    /// The decoded path, for recording.
    var path: String

    /// The first path segments ARM answers; everything else stays with the Graph side.
    static let roots: Set<String> = ["providers", "subscriptions", "batch"]

    /// Whether a URL is for Azure Resource Manager rather than Graph (`/v1.0/…`, `/beta/…`).
    static func isARM(_ url: URL) -> Bool {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return false }
        let first = components.percentEncodedPath.split(separator: "/").first.map { $0.lowercased() } ?? ""
        return roots.contains(first)
    }

    /// From a full URL (any host) or a path relative to the ARM host (`/subscriptions?api-version=…`).
    init?(url text: String) {
        var relative = text
        if let range = text.range(of: "://") {
            let afterScheme = text[range.upperBound...]
            guard let slash = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return nil }
            relative = String(afterScheme[slash...])
        }
        guard relative.hasPrefix("/") else { return nil }
        self.init(relative: relative)
    }

    init(relative: String) {
        let pieces = relative.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        rawPath = pieces[0]
        // ARM reads `+` in the query as a space (`$filter=resourceType+eq+'resourcegroup'`).
        let queryText = pieces.count > 1 ? "?" + pieces[1].replacingOccurrences(of: "+", with: "%20") : ""
        let parsed = GraphTarget(version: "", relative: rawPath + queryText)
        segments = parsed.segments
        query = parsed.query
        path = parsed.path
    }

    func queryValue(_ name: String) -> String? {
        query.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    var apiVersion: String? { queryValue("api-version") }
    var filter: String? { queryValue("$filter").flatMap { $0.isEmpty ? nil : $0 } }
    var skipToken: String? { queryValue("$skipToken") }
}

/// The endpoints the tenant answers, resolved from the path, each with its one documented api-version.
enum ARMRoute: Equatable {
    case subscriptions
    case managementGroups
    case batch
    case roleDefinition(ARMScope, String)
    case eligibilityInstances(ARMScope)
    case eligibilitySchedules(ARMScope)
    case assignmentInstances(ARMScope)
    case policyAssignments(ARMScope, name: String?)
    case requests(ARMScope)
    case request(ARMScope, name: String)
    case requestAction(ARMScope, name: String, action: String)
    case approvals
    case approval(String)
    case stages(String)
    case stage(String, String)
    case eligibleChildResources(ARMScope)

    var apiVersion: String {
        switch self {
        case .subscriptions: "2022-12-01"
        case .managementGroups: "2021-04-01"
        case .batch: "2020-06-01"
        case .roleDefinition: "2022-04-01"
        case .approvals, .approval, .stages, .stage: "2021-01-01-preview"
        default: "2020-10-01"
        }
    }

    var resourceType: String {
        switch self {
        case .subscriptions: "Microsoft.Resources/subscriptions"
        case .managementGroups: "Microsoft.Management/managementGroups"
        case .batch: "batch"
        case .roleDefinition: "Microsoft.Authorization/roleDefinitions"
        case .eligibilityInstances: "Microsoft.Authorization/roleEligibilityScheduleInstances"
        case .eligibilitySchedules: "Microsoft.Authorization/roleEligibilitySchedules"
        case .assignmentInstances: "Microsoft.Authorization/roleAssignmentScheduleInstances"
        case .policyAssignments: "Microsoft.Authorization/roleManagementPolicyAssignments"
        case .requests, .request, .requestAction: "Microsoft.Authorization/roleAssignmentScheduleRequests"
        case .approvals, .approval, .stages, .stage: "Microsoft.Authorization/roleAssignmentApprovals"
        case .eligibleChildResources: "Microsoft.Authorization/eligibleChildResources"
        }
    }

    /// Resolves decoded path segments; nil when no endpoint lives there.
    init?(_ s: [String]) {
        let lower = s.map { $0.lowercased() }
        if lower == ["subscriptions"] { self = .subscriptions; return }
        if lower == ["batch"] { self = .batch; return }
        if lower == ["providers", "microsoft.management", "managementgroups"] { self = .managementGroups; return }
        // The last `providers/Microsoft.Authorization` splits scope from resource (resource scopes hold
        // a `providers/…` of their own).
        guard
            let at = lower.indices.last(where: {
                lower[$0] == "providers" && $0 + 1 < lower.count && lower[$0 + 1] == "microsoft.authorization"
            }), let scope = ARMScope(segments: Array(s[..<at]))
        else { return nil }
        let rest = Array(s[(at + 2)...])
        let kind = rest.first?.lowercased() ?? ""
        switch (kind, rest.count) {
        case ("roledefinitions", 2): self = .roleDefinition(scope, rest[1])
        case ("roleeligibilityscheduleinstances", 1): self = .eligibilityInstances(scope)
        case ("roleeligibilityschedules", 1): self = .eligibilitySchedules(scope)
        case ("roleassignmentscheduleinstances", 1): self = .assignmentInstances(scope)
        case ("rolemanagementpolicyassignments", 1): self = .policyAssignments(scope, name: nil)
        case ("rolemanagementpolicyassignments", 2): self = .policyAssignments(scope, name: rest[1])
        case ("roleassignmentschedulerequests", 1): self = .requests(scope)
        case ("roleassignmentschedulerequests", 2): self = .request(scope, name: rest[1])
        case ("roleassignmentschedulerequests", 3):
            self = .requestAction(scope, name: rest[1], action: rest[2].lowercased())
        case ("roleassignmentapprovals", 1): self = .approvals
        case ("roleassignmentapprovals", 2): self = .approval(rest[1])
        case ("roleassignmentapprovals", 3) where rest[2].lowercased() == "stages": self = .stages(rest[1])
        case ("roleassignmentapprovals", 4) where rest[2].lowercased() == "stages": self = .stage(rest[1], rest[3])
        case ("eligiblechildresources", 1): self = .eligibleChildResources(scope)
        default: return nil
        }
    }
}
