import Foundation
import PIMDomain
@_spi(Fuzzing) import PIMGraph
import Testing

/// Inputs the fuzzers found (and the seed corpora) as ordinary tests, so a fixed crash stays fixed
/// in every `swift test` run. See docs/fuzzing.md.
struct FuzzRegressionTests {
    /// Tests/Fuzz/corpus/<target>/ in this checkout.
    static func corpus(_ target: String) -> [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.appendingPathComponent("Fuzz/corpus/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Found by `duration` in its first second: a long digit run before a unit overflowed the
    /// multiplication and trapped. Now it is refused as too long, with a sentence.
    @Test(arguments: [
        "1044444414444444444M", "9999999999999999999d", "P99999999999999999W", "PT9223372036854775807S",
        "P1DT9999999999999999H", "106751991167300d",
    ])
    func hugeDurationsAreRefusedNotCrashing(text: String) {
        #expect(throws: DurationParseError.self) { try ActivationDuration(parsing: text) }
        do { _ = try ActivationDuration(parsing: text) } catch {
            #expect(error.message.contains("more than ten years") || error.message.contains("not"))
        }
    }

    @Test func theLongestAllowedDurationStillParses() throws {
        #expect(try ActivationDuration(parsing: "3650d").seconds == 3650 * 86_400)
        #expect(throws: DurationParseError.self) { try ActivationDuration(parsing: "3651d") }
    }

    @Test func everyDurationSeedKeepsItsInvariants() throws {
        let files = Self.corpus("duration")
        #expect(files.count >= 5)
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            guard let parsed = try? ActivationDuration(parsing: text) else { continue }
            #expect(parsed.seconds >= 0)
            #expect(try ActivationDuration(parsing: parsed.iso8601) == parsed)
        }
    }

    /// Every Graph seed (documented responses, error bodies, a claims header, an escape-laden rule
    /// name) goes through all of PIMGraph's readers without a trap.
    @Test func everyGraphSeedIsReadWithoutATrap() throws {
        let files = Self.corpus("graph-json")
        #expect(files.count >= 5)
        for file in files { GraphFuzzing.exercise(try Data(contentsOf: file)) }
    }

    /// A policy refusal naming a rule pim does not know quotes that name in the message: a clear-screen
    /// and a colour sequence inside it (JSON-escaped inside the rule list, so it survives the list's
    /// own decoding) arrives inert.
    @Test func anUnknownRuleNameWithEscapesIsShownInert() async throws {
        let h = try Harness()
        defer { h.stop() }
        let body =
            #"""
            {"error":{"code":"RoleAssignmentRequestPolicyValidationFailed",\#
            "message":"The following policy rules failed: [\"\\u001b[2J\\u001b[31mEvilRule\\u0007\"]"}}
            """#
        h.graph.on("POST", FaultGraph.activationPath, .answer(400, body))
        let error = try #require(await pimError { try await h.service.activate(Harness.activation) })
        #expect(error.kind == .refused)
        #expect(Sanitizer.isClean(error.description))
        #expect(error.description.contains("␛[2J␛[31mEvilRule␇"))
        #expect(error.failedRules.allSatisfy { Sanitizer.isClean($0.serviceName) })
        #expect(h.graph.createdCount == 0)
    }

    /// A `$batch` answer whose item status is a number no HTTP status can be (`1e300`, `nan`): the
    /// conversion to `Int` trapped and took pim down. Now such an item counts as a server error.
    @Test(arguments: ["1e300", "-1e300", "nan", "1e3", "99.5", "-7", "\"1e300\""])
    func absurdBatchItemStatusesAreServerErrorsNotCrashes(status: String) async throws {
        let h = try Harness(retry: .none)
        defer { h.stop() }
        h.scriptDashboard()
        h.graph.on(
            "POST", "/v1.0/$batch",
            .answer(200, #"{"responses":[{"id":"me","status":\#(status),"headers":{},"body":{"id":"x"}}]}"#))
        let error = await pimError { try await h.service.loadDashboard(Harness.lean) }
        #expect(error?.kind == .service)
        GraphFuzzing.exercise(Data(#"{"responses":[{"id":"1","status":\#(status)}]}"#.utf8))
    }
}
