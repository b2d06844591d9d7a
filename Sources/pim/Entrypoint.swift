import Foundation
import PIMCommandLine

/// The composition root: reads the process's arguments and environment, hands them to the
/// command line with the host that knows how to build Graph or the simulated tenant, and exits
/// with the code the command line chose.
@main
struct Entrypoint {
    static func main() async {
        // A closed pipe (pim roles | head) must end pim quietly, not kill it with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        MallocArenas.limitUnlessConfigured(environment: environment)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let console = Console.standard(environment: environment)
        let code = await CommandLineTool.run(
            arguments: arguments, environment: environment, console: console,
            host: Wiring())
        exit(code)
    }
}
