import Foundation
import PIMDomain
import Testing
@testable import PIMCommandLine

@Suite struct ConfigurationTests {
    @Test func readsEveryKey() throws {
        let text = """
            {"tenant": "contoso.onmicrosoft.com", "cloud": "usgov", "clientId": "app", "defaultDuration": "2h",
             "ticketSystem": "ServiceNow", "ticketPattern": "CHG-[0-9]+", "justificationTemplates": {"oncall": \
            "On-call"},
             "roleSets": {"oncall": ["Exchange Administrator"]}, "refreshInterval": 30, "colors": "never", "output": \
            "json"}
            """
        let (config, warnings) = try Configuration.parse(Data(text.utf8), path: "c.json")
        #expect(warnings.isEmpty)
        #expect(config.tenant == "contoso.onmicrosoft.com")
        #expect(config.cloud == "usgov")
        #expect(config.defaultDuration == .hours(2))
        #expect(config.roleSets["oncall"] == ["Exchange Administrator"])
        #expect(config.justificationTemplates["oncall"] == "On-call")
        #expect(config.refreshInterval == 30)
        #expect(config.colors == .never)
        #expect(config.output == "json")
    }

    @Test(arguments: [
        ("{not json", "is not valid JSON"),
        ("[1]", "one JSON object"),
        (#"{"defaultDuration": "8"}"#, "defaultDuration"),
        (#"{"tenant": 5}"#, "tenant of the wrong type"),
        (#"{"ticketPattern": "("}"#, "ticketPattern"),
        (#"{"roleSets": {"x": []}}"#, "roleSets.x"),
        (#"{"cloud": "mars"}"#, "cloud"),
    ])
    func refusesWhatItCannotUse(text: String, expected: String) {
        do { _ = try Configuration.parse(Data(text.utf8), path: "c.json"); Issue.record("parsed \(text)") } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.hasPrefix("The configuration file c.json"))
        }
    }

    @Test func numbersAndBooleansAreTold() throws {
        #expect(try Configuration.parse(Data(#"{"refreshInterval": 1}"#.utf8), path: "c").0.refreshInterval == 1)
        #expect(try Configuration.parse(Data(#"{"refreshInterval": "2m"}"#.utf8), path: "c").0.refreshInterval == 120)
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Data(#"{"refreshInterval": true}"#.utf8), path: "c")
        }
        #expect(try Configuration.parse(Data(#"{"colors": false}"#.utf8), path: "c").0.colors == .never)
        #expect(
            try Configuration.parse(Data(#"{"colors": {"urgencySoon": "yellow"}}"#.utf8), path: "c").0.palette == [
                "urgencySoon": "yellow"
            ])
    }

    @Test func unknownKeysWarnWithASuggestion() throws {
        let (_, warnings) = try Configuration.parse(Data(#"{"tennant": "x"}"#.utf8), path: "c.json")
        #expect(warnings.first?.contains("Did you mean tenant?") == true)
    }

    @Test func corruptFileIsAUsageErrorAndIsLeftAlone() async throws {
        let env = environment(withConfig: "{broken")
        let path = env["HOME"]! + "/.config/pim/config.json"
        let result = await run(["roles"], environment: env)
        #expect(result.code == 2)
        #expect(result.stderr.contains("is not valid JSON"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{broken")
    }

    @Test func flagsBeatEnvironmentBeatsFile() throws {
        let config = Configuration(tenant: "file", cloud: "china", output: "json")
        func settings(_ arguments: [String], _ env: [String: String]) throws -> GlobalSettings {
            GlobalSettings(
                invocation: try ArgumentParser.parse(arguments), environment: env, configuration: config,
                configPath: "c", stdoutIsTerminal: false)
        }
        #expect(try settings(["roles"], [:]).tenant == "file")
        #expect(try settings(["roles"], [:]).output == .json)
        #expect(try settings(["roles"], ["PIM_TENANT": "env"]).tenant == "env")
        #expect(try settings(["roles", "--tenant", "flag"], ["PIM_TENANT": "env"]).tenant == "flag")
        #expect(try settings(["roles"], ["PIM_CLOUD": "usgov"]).cloud == "usgov")
        #expect(try settings(["roles", "-o", "table"], ["PIM_OUTPUT": "json"]).output == .table)
        #expect(try settings(["roles"], ["PIM_DEMO": "1"]).demo)
        #expect(try settings(["roles"], ["PIM_DEMO": "0"]).demo == false)
        #expect(try settings(["roles"], ["PIM_ACCESS_TOKEN": "t"]).accessToken == "t")
        #expect(try settings(["roles", "--as", "ben"], ["PIM_DEMO_PERSONA": "hana"]).persona == "ben")
        // An exported persona does not stop Graph commands; the flag without --demo does.
        #expect(throws: Never.self) { try settings(["roles"], ["PIM_DEMO_PERSONA": "ben"]).validate() }
        #expect(throws: UsageError.self) { try settings(["roles", "--as", "ben"], [:]).validate() }
    }

    @Test func xdgPaths() {
        let paths = Paths(environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/cfg"])
        #expect(paths.configFile == "/cfg/pim/config.json")
        #expect(paths.cacheDirectory == "/home/a/.cache/pim")
        #expect(paths.stateDirectory == "/home/a/.local/state/pim")
    }
}
