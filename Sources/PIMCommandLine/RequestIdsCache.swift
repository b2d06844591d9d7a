import PIMDomain

/// The ids of my pending requests and of the requests waiting for my decision, kept for shell
/// completion of `pim cancel` and `pim approve`/`deny`. Written whenever `pim requests` or
/// `pim approvals` lists them; read by `pim __complete requests|approvals`, which never signs in.
enum RequestIdsCache {
    /// The cache's text for `ids`: one id a line, only the characters a Graph or ARM id is made of,
    /// so no id from the service can carry shell syntax or a control character into a completion script.
    static func text(_ ids: [String]) -> String {
        let safe = ids.filter { id in
            !id.isEmpty && id.count <= 200
                && id.unicodeScalars.allSatisfy { $0.isASCII && (isAlphanumeric($0) || $0 == "-" || $0 == "_") }
        }
        return Set(safe).sorted().map { $0 + "\n" }.joined()
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

extension Commands {
    /// Keeps my pending requests' ids for completing `pim cancel`; never fails the command.
    static func cacheMyRequestIds(_ requests: [ElevationRequest], context: CommandContext) {
        let paths = context.settings.paths
        let text = RequestIdsCache.text(requests.filter(\.status.isCancelable).map(\.id))
        TargetNamesFile.write(text, to: paths.myRequestIdsCache, in: paths.cacheDirectory)
    }

    /// Keeps the ids of the requests waiting for my decision for completing `pim approve`/`deny`.
    static func cacheApprovalIds(_ items: [ApprovalItem], context: CommandContext) {
        let paths = context.settings.paths
        TargetNamesFile.write(
            RequestIdsCache.text(items.map(\.id)), to: paths.approvalIdsCache, in: paths.cacheDirectory)
    }
}

extension Commands {
    /// Keeps my access review decisions' ids for completing `pim review`.
    static func cacheReviewDecisionIds(_ decisions: [AccessReviewDecision], context: CommandContext) {
        let paths = context.settings.paths
        TargetNamesFile.write(
            RequestIdsCache.text(decisions.map(\.decisionId)), to: paths.reviewDecisionIdsCache,
            in: paths.cacheDirectory)
    }
}
