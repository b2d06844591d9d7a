/// The positional arguments several commands share, declared once: the spec shows them and the
/// handlers read them through the same value (`invocation.required(.target)`).
extension ArgumentSpec {
    static let target = ArgumentSpec("TARGET", help: CommandTable.targetHelp, completion: .targets)
    static let targets = ArgumentSpec("TARGET", help: CommandTable.targetHelp, repeating: true, completion: .targets)
    /// One or several request ids, each whole or a unique prefix of at least 8 characters.
    static let requestIds = ArgumentSpec(
        "REQUEST_ID",
        help: "The id of a request, or a unique prefix of at least 8 characters of it.", repeating: true)
    /// `requestIds` completed from my pending requests (`pim cancel`).
    static let myRequestIds = requestIds.completing(.myRequests)
    /// `requestIds` completed from the requests waiting for my decision (`pim approve`, `pim deny`).
    static let approvalIds = requestIds.completing(.approvals)
}
