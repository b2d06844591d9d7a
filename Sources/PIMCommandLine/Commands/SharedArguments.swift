/// The positional arguments several commands share, declared once: the spec shows them and the
/// handlers read them through the same value (`invocation.required(.target)`).
extension ArgumentSpec {
    static let target = ArgumentSpec("TARGET", help: CommandTable.targetHelp, completion: .targets)
    static let targets = ArgumentSpec("TARGET", help: CommandTable.targetHelp, repeating: true, completion: .targets)
    static let requestId = ArgumentSpec("REQUEST_ID", help: "The id of a request.")
}
