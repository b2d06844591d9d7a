import Testing
@testable import PIMCommandLine

@Suite struct ArgumentParserTests {
    @Test(arguments: [
        ["activate", "Global Administrator", "--justification", "why", "--duration", "2h"],
        ["activate", "Global Administrator", "--justification=why", "--duration=2h"],
        ["activate", "-j", "why", "-d2h", "Global Administrator"],
        ["--demo", "activate", "Global Administrator", "-j=why", "--duration", "2h"],
    ])
    func acceptsEverySpellingOfOptions(arguments: [String]) throws {
        let invocation = try ArgumentParser.parse(arguments)
        #expect(invocation.command.name == "activate")
        #expect(invocation.value(.justification) == "why")
        #expect(invocation.value(.duration) == "2h")
        #expect(invocation.positionals == ["Global Administrator"])
    }

    @Test func globalOptionsBeforeAndAfterTheCommand() throws {
        let before = try ArgumentParser.parse(["--output", "json", "--demo", "roles"])
        let after = try ArgumentParser.parse(["roles", "--demo", "-o", "json"])
        for invocation in [before, after] {
            #expect(invocation.command.name == "roles")
            #expect(invocation.has(.demo))
            #expect(invocation.value(.output) == "json")
        }
    }

    @Test func doubleDashEndsOptions() throws {
        let invocation = try ArgumentParser.parse(["activate", "-j", "x", "--", "--weird-name", "-d"])
        #expect(invocation.positionals == ["--weird-name", "-d"])
        #expect(invocation.value(.duration) == nil)
    }

    /// Positionals are read through the argument that declares them, as the parser checked them.
    @Test func argumentsAreReadByTheirDeclaredValue() throws {
        let activate = try ArgumentParser.parse(["activate", "Global Reader", "-j", "x", "@oncall"])
        #expect(activate.values(.targets) == ["Global Reader", "@oncall"])
        #expect(try ArgumentParser.parse(["cancel", "req-1", "req-2"]).values(.myRequestIds) == ["req-1", "req-2"])
        #expect(try ArgumentParser.parse(["deactivate", "Global Reader"]).required(.target) == "Global Reader")
        #expect(try ArgumentParser.parse(["help", "activate"]).value(.commandName) == "activate")
        #expect(try ArgumentParser.parse(["help"]).value(.commandName) == nil)
        #expect(try ArgumentParser.parse(["completion", "zsh"]).required(.shell) == "zsh")
        // An argument the command does not declare has no value.
        #expect(try ArgumentParser.parse(["cancel", "req-1"]).values(.targets).isEmpty)
    }

    @Test func noCommandMeansTheFullScreen() throws {
        #expect(try ArgumentParser.parse([]).command.name == "tui")
        #expect(try ArgumentParser.parse(["--demo"]).command.name == "tui")
        #expect(try ArgumentParser.parse(["--as", "ben", "--demo"]).value(.demoPersona) == "ben")
    }

    @Test func unknownCommandSuggestsTheClosest() {
        #expect(throws: UsageError.self) { try ArgumentParser.parse(["rols"]) }
        do { _ = try ArgumentParser.parse(["activte", "x"]) } catch {
            #expect(error.message.contains("Did you mean activate?"))
            #expect(error.message.contains("pim --help"))
        }
    }

    @Test func unknownOptionSuggestsTheClosest() {
        do { _ = try ArgumentParser.parse(["activate", "x", "--justfication", "y"]); Issue.record("parsed") } catch {
            #expect(error.message.contains("--justfication"))
            #expect(error.message.contains("Did you mean --justification?"))
        }
    }

    @Test func missingValueNamesTheOption() {
        do { _ = try ArgumentParser.parse(["activate", "x", "--duration"]); Issue.record("parsed") } catch {
            #expect(error.message == "--duration needs a value: write --duration DURATION.")
        }
        // A following known option is not swallowed as the value.
        do { _ = try ArgumentParser.parse(["activate", "x", "--ticket", "--wait"]); Issue.record("parsed") } catch {
            #expect(error.message.contains("--ticket needs a value"))
        }
    }

    @Test func flagsTakeNoValue() {
        do { _ = try ArgumentParser.parse(["activate", "x", "--wait=yes"]); Issue.record("parsed") } catch {
            #expect(error.message.contains("--wait is a flag"))
        }
    }

    @Test func choicesAreChecked() {
        do { _ = try ArgumentParser.parse(["roles", "--output", "jsn"]); Issue.record("parsed") } catch {
            #expect(error.message.contains("Did you mean json?"))
        }
        do { _ = try ArgumentParser.parse(["completion", "bsh"]); Issue.record("parsed") } catch {
            #expect(error.message.contains("bash, zsh, fish"))
        }
    }

    @Test func exclusiveOptions() {
        do { _ = try ArgumentParser.parse(["roles", "--eligible", "--active"]); Issue.record("parsed") } catch {
            #expect(error.message == "--eligible and --active cannot be combined: pick one.")
        }
    }

    @Test func argumentsAreCounted() {
        do { _ = try ArgumentParser.parse(["activate"]); Issue.record("parsed") } catch {
            #expect(error.message.hasPrefix("pim activate needs at least one TARGET"))
        }
        do { _ = try ArgumentParser.parse(["deactivate", "Global", "Administrator"]); Issue.record("parsed") } catch {
            #expect(error.message.contains("Quote a name that contains spaces"))
        }
        do { _ = try ArgumentParser.parse(["roles", "extra"]); Issue.record("parsed") } catch {
            #expect(error.message.contains("takes no arguments"))
        }
    }

    @Test func helpWinsOverOtherProblems() throws {
        let invocation = try ArgumentParser.parse(["activate", "--bogus", "--help"])
        #expect(invocation.wantsHelp)
        #expect(invocation.command.name == "activate")
        #expect(try ArgumentParser.parse(["--help"]).command.name == "help")
        #expect(try ArgumentParser.parse(["--version"]).wantsVersion)
    }

    @Test func lastValueWins() throws {
        #expect(try ArgumentParser.parse(["roles", "-o", "json", "-o", "table"]).value(.output) == "table")
    }
}

@Suite struct ArgumentParserRobustnessTests {
    /// Deterministic pseudo-random command lines from a vocabulary of real and broken words: the
    /// parser returns or throws a usage error naming something, and never traps.
    @Test func randomCommandLinesNeverTrap() {
        let vocabulary =
            CommandTable.commands.map(\.name) + CommandTable.globalOptions.map { "--\($0.name)" }
            + CommandTable.commands.flatMap(\.options).map { "--\($0.name)" }
            + [
                "-", "--", "-j", "-jx", "-o", "-o=json", "--duration=", "--=x", "x", "", " ", "日本", "--output=yaml",
                "-h",
                "@set", "group:", "--wait=1", "-zz", "\u{1B}[31m",
            ]
        var seed: UInt64 = 42
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33)
        }
        for _ in 0..<3000 {
            let count = next() % 7
            let arguments = (0..<count).map { _ in vocabulary[next() % vocabulary.count] }
            do {
                _ = try ArgumentParser.parse(arguments)
            } catch {
                #expect(!error.message.isEmpty, "\(arguments)")
            }
        }
    }
}
