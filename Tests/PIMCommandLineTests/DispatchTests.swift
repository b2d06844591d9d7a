import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMCommandLine

/// Every command of the table reaches its own handler through dispatch: a command listed without a
/// handler, or paired with another command's, fails here rather than on a user's machine.
@Suite struct DispatchTests {
    /// The words that reach one command's handler, and what only that handler does.
    struct Reach: Sendable {
        var arguments: [String]
        /// True when the run shows this command's own effect (what it sent, printed or recorded).
        var did: @Sendable (RunResult, FakeService) -> Bool

        init(_ arguments: [String], did: @escaping @Sendable (RunResult, FakeService) -> Bool) {
            self.arguments = arguments
            self.did = did
        }
    }

    static let cases: [String: Reach] = [
        "tui": Reach(["tui"]) { run, _ in run.stderr.contains("The full-screen interface needs a terminal") },
        "roles": Reach(["roles", "-o", "json"]) { run, _ in
            run.stdout.contains("Directory Readers") && run.stdout.contains("Finance Admins")
        },
        "activate": Reach(["activate", "Finance Admins", "-j", "why"]) { _, service in
            service.read { $0.sent.map(\.target.id) } == [FakeService.financeMember.id]
        },
        "deactivate": Reach(["deactivate", "Exchange Administrator"]) { _, service in
            service.read { $0.deactivated } == ["a1"]
        },
        "extend": Reach(["extend", "Exchange Administrator", "-j", "Overran", "-d", "2h"]) { _, service in
            service.read { $0.sent.map(\.target.id) } == [FakeService.exchangeAdmin.id]
        },
        "requests": Reach(["requests", "-o", "json"]) { run, _ in
            run.stdout.contains("req-p") && run.stdout.contains("req-d")
        },
        "cancel": Reach(["cancel", "req-p"]) { _, service in service.read { $0.cancelled } == ["req-p"] },
        "approvals": Reach(["approvals", "-o", "json"]) { run, _ in
            run.stdout.contains("appr-1") && run.stdout.contains("Fix prod")
        },
        "approve": Reach(["approve", "appr-1", "-j", "fine"]) { _, service in
            service.read { $0.decisions.map(\.1) } == [.approve]
        },
        "deny": Reach(["deny", "appr-1", "-j", "no"]) { _, service in
            service.read { $0.decisions.map(\.1) } == [.deny]
        },
        "elevations": Reach(["elevations", "-o", "json"]) { run, service in
            run.code == 0 && run.stdout.hasPrefix("[") && service.read { $0.auditQueries.isEmpty }
        },
        "history": Reach(["history", "--all"]) { _, service in
            service.read { $0.auditQueries.map(\.tenantWide) } == [true]
        },
        "reviews": Reach(["reviews", "-o", "json"]) { run, _ in run.stdout.contains("dec-00000001") },
        "review": Reach(["review", "dec-00000001", "--approve", "-j", "ok"]) { _, service in
            service.read { $0.recordedReviews.map(\.0) } == ["dec-00000001"]
        },
        "login": Reach(["login", "--azure-cli"]) { run, _ in run.stdout == "Signed in with azureCLI.\n" },
        "logout": Reach(["logout"]) { run, _ in run.stdout == "Deleted the cached tokens.\n" },
        "whoami": Reach(["whoami", "-o", "json"]) { run, _ in
            run.stdout.contains("ada@contoso.test") && run.stdout.contains("\"fake\"")
        },
        "completion": Reach(["completion", "fish"]) { run, _ in run.stdout == Completions.script(for: "fish") },
        "demo": Reach(["demo", "personas"]) { run, _ in run.stdout.contains("Ben Okafor") },
        "help": Reach(["help", "roles"]) { run, _ in run.stdout == HelpText.help(for: Command.roles.spec) },
        "__complete": Reach(["__complete", "personas"]) { run, _ in run.stdout == "ada\nben\n" },
        "__manpage": Reach(["__manpage"]) { run, _ in run.stdout == ManPage.render() },
    ]

    @Test func everyCommandOfTheTableHasACase() {
        #expect(Set(Self.cases.keys) == Set(CommandTable.all.map(\.spec.name)))
        #expect(Set(CommandTable.commands.map(\.name)).count == CommandTable.all.count, "a name listed twice")
    }

    @Test(arguments: CommandTable.all.map(\.spec.name))
    func everyCommandReachesItsHandler(name: String) async throws {
        let reach = try #require(Self.cases[name], "no case for \(name)")
        #expect(try ArgumentParser.parse(reach.arguments).command.name == name)
        let service = ActionCommandTests.tenant()
        let result = await run(reach.arguments, service: service)
        #expect(reach.did(result, service), "\(name) exited \(result.code): \(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("Unknown command"))
    }

    /// What the failing service below says: only a handler that asked the service can print it.
    static let serviceSentence = "The fake service is down: try again."

    /// Each command that uses the service asks it (and reports its failure) from its own handler.
    @Test(arguments: CommandTable.all.filter { $0.spec.usesService && $0.spec.name != "tui" }.map(\.spec.name))
    func everyServiceCommandAsksTheService(name: String) async throws {
        let reach = try #require(Self.cases[name], "no case for \(name)")
        let service = FakeService(now: testNow) { $0.failure = PIMError(.network, Self.serviceSentence) }
        let result = await run(reach.arguments, service: service)
        #expect(result.stderr.contains(Self.serviceSentence), "\(name): \(result.stdout)\(result.stderr)")
        #expect(result.code == ExitCode.network.rawValue)
    }

    /// Dispatch finds the handler by the spec the parser picked: each spec leads back to its command.
    @Test func eachSpecLeadsToItsOwnCommand() {
        for command in CommandTable.all {
            #expect(CommandTable.command(for: command.spec)?.spec.name == command.spec.name)
        }
    }
}
