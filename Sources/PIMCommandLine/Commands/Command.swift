/// One subcommand: the spec the parser, help, completions and man page read, and the handler that runs
/// it. Both live in the command's own `Commands+Name.swift`, so a command cannot be listed without
/// being runnable, nor run under a name the table does not know.
public struct Command: Sendable {
    public let spec: CommandSpec
    /// Runs the command and returns its exit code, or throws for `CommandLineTool.report`.
    let run: @Sendable (CommandContext) async throws -> Int32

    init(_ spec: CommandSpec, run: @escaping @Sendable (CommandContext) async throws -> Int32) {
        self.spec = spec
        self.run = run
    }
}
