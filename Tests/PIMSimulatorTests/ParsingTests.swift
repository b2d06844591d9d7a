import Foundation
import Testing
@testable import PIMSimulator

/// The tenant's own JSON, OData and URL readers: what they accept and what they refuse.
@Suite struct ParsingTests {
    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e\"f\\g\n\u00e9\ud83d\ude00"}}"#,
        #"[]"#, #"{}"#, #"-1.25"#, #""text""#,
    ])
    func jsonRoundTripsThroughFoundation(text: String) throws {
        let parsed = try SimJSON.parse(text)
        let mine = try JSONSerialization.jsonObject(with: parsed.data, options: .fragmentsAllowed)
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        #expect(
            try JSONSerialization.data(withJSONObject: mine, options: options)
                == JSONSerialization.data(withJSONObject: theirs, options: options))
    }

    @Test(arguments: [#"{"a":1"#, #"{"a" 1}"#, #"[1,]"#, "tru", #""\x""#, #"{"a":1} x"#, ""])
    func malformedJSONIsRefused(text: String) {
        #expect(throws: SimJSONError.self) { try SimJSON.parse(text) }
    }

    @Test func controlCharactersAreEscapedOnOutput() throws {
        let value: SimJSON = ["k": .string("a\u{1B}[31mb\u{7F}")]
        #expect(value.text == #"{"k":"a\u001b[31mb\u007f"}"#)
        #expect(value.utf8Count == value.data.count)
    }

    @Test func numbersAndTextAreWrittenAsSwiftPrintsThem() {
        let value: SimJSON = [
            "n": .array([
                0, .number(-0.0), 7, -42, .number(123_456_789_012_345), .number(1.5), .number(-2.25e20), .number(1e16),
            ]),
            "t": .array(["plain", "qu\"ote", "back\\slash", "tab\there", "caf\u{E9} \u{1F600}", ""]),
            "b": .array([true, false, nil]), "e": .object([]), "a": .array([]),
        ]
        let numbers = ["0", "0", "7", "-42", "123456789012345", "1.5", String(-2.25e20), String(1e16)]
        #expect(
            value.text
                == #"{"n":["# + numbers.joined(separator: ",")
                + #"],"t":["plain","qu\"ote","back\\slash","tab\there","café 😀",""],"b":[true,false,null],"#
                + #""e":{},"a":[]}"#)
        #expect(value.data == Data(value.text.utf8))
        #expect(value.utf8Count == value.data.count)
    }

    @Test(arguments: [
        ("status eq 'PendingApproval'", true),
        ("status eq 'pendingapproval' and principalId eq 'p1'", true),
        ("status eq 'Denied' or principalId eq 'p1'", true),
        ("(status eq 'Denied' or principalId eq 'x') and groupId eq 'g'", false),
        ("status ne 'Denied'", true),
        ("createdDateTime ge 2026-01-01T00:00:00Z", true),
        ("createdDateTime le 2026-01-01T00:00:00Z", false),
        ("startswith(justification,'INC')", true),
        ("not (status eq 'PendingApproval')", false),
        ("initiatedBy/user/id eq 'u1'", true),
        ("endDateTime eq null", true),
        ("it's eq 'x'", false),
    ])
    func filtersEvaluate(text: String, expected: Bool) throws {
        let item: SimJSON = [
            "status": "PendingApproval", "principalId": "p1", "groupId": "g", "justification": "INC-1: x",
            "createdDateTime": "2026-02-01T10:00:00Z", "endDateTime": nil,
            "initiatedBy": ["user": ["id": "u1"]],
        ]
        guard let filter = try? ODataFilter.parse(text) else {
            #expect(expected == false)
            return
        }
        #expect(filter.matches(item) == expected)
    }

    @Test(arguments: ["status eq", "status eq 'x' and", "(status eq 'x'", "status like 'x'", "status eq 'unterminated"])
    func malformedFiltersAreRefused(text: String) {
        #expect(throws: ODataFilterError.self) { try ODataFilter.parse(text) }
    }

    @Test func requiredEqualitiesOnlyCountAndBranches() throws {
        let both = try ODataFilter.parse("scopeId eq '/' and scopeType eq 'DirectoryRole'")
        #expect(both.requiredEqualities == ["scopeid": "/", "scopetype": "DirectoryRole"])
        let either = try ODataFilter.parse("scopeId eq '/' or scopeType eq 'DirectoryRole'")
        #expect(either.requiredEqualities.isEmpty)
    }

    @Test func expandParsesNestedOptions() throws {
        let items = try ODataQuery.parseExpand("policy($expand=rules($select=id);$select=id),roleDefinition")
        #expect(items.map(\.name) == ["policy", "roleDefinition"])
        #expect(items[0].expand.first?.name == "rules")
        #expect(items[0].expand.first?.select == ["id"])
        #expect(items[0].select == ["id"])
    }

    @Test func unknownSystemQueryOptionsAreRefused() {
        #expect(throws: ODataQuery.Failure.self) { try ODataQuery(pairs: [("$frobnicate", "1")]) }
        #expect(throws: ODataQuery.Failure.self) { try ODataQuery(pairs: [("$top", "-1")]) }
        #expect((try? ODataQuery(pairs: [("top", "5")]))?.top == 5)
    }

    @Test func targetsDecodeQuotedFunctionSegments() {
        let target = GraphTarget(
            version: "v1.0",
            relative:
                """
                roleManagement/directory/roleAssignmentScheduleRequests/filterByCurrentUser(on=%27approver%27)\
                ?$filter=status%20eq%20'PendingApproval'
                """
        )
        #expect(
            target.segments == [
                "roleManagement", "directory", "roleAssignmentScheduleRequests", "filterByCurrentUser(on='approver')",
            ])
        #expect(target.queryValue("$filter") == "status eq 'PendingApproval'")
        let fn = FunctionSegment(target.segments[3])
        #expect(fn?.arguments["on"] == "approver")
        #expect(fn?.unquoted.isEmpty == true)
        #expect(FunctionSegment("filterByCurrentUser(on=principal)")?.unquoted == ["on"])
    }

    @Test func targetsSplitOnlyOutsideQuotesAndParentheses() {
        let target = GraphTarget(
            version: "v1.0", relative: "a//b(x='1/2')/c'd/e'/f%2Fg/h%zz?$top=5&&flag&$filter=id%20eq%20'%C3%A9'")
        #expect(target.segments == ["a", "b(x='1/2')", "c'd/e'", "f/g", "h%zz"])
        #expect(target.path == "/a//b(x='1/2')/c'd/e'/f%2Fg/h%zz")
        #expect(target.query.map(\.0) == ["$top", "flag", "$filter"])
        #expect(target.queryValue("FLAG") == "")
        #expect(target.queryValue("$filter") == "id eq 'é'")
    }

    @Test(arguments: [("PT8H", 28_800), ("PT1H30M", 5400), ("P1D", 86_400), ("PT0.5H", 1800), ("P1DT2H", 93_600)])
    func isoDurationsParse(text: String, seconds: Int) throws {
        #expect(try ActivationTextParser.seconds(text) == seconds)
    }

    @Test(arguments: ["8h", "PT", "P1H", "PTH", ""])
    func badIsoDurationsAreRefused(text: String) {
        #expect(throws: (any Error).self) { try ActivationTextParser.seconds(text) }
    }

    @Test func faultPlanParsesAndDraws() throws {
        let plan = try FaultPlan(parsing: "429:0.25,timeout:0.25")
        #expect(plan.fault(for: 0.1) == .throttled)
        #expect(plan.fault(for: 0.3) == .timeout)
        #expect(plan.fault(for: 0.6) == nil)
        #expect(throws: SimulatorError.self) { try FaultPlan(parsing: "429:0.8,503:0.8") }
        #expect(throws: SimulatorError.self) { try FaultPlan(parsing: "429") }
    }

    @Test func tokensAreTamperEvident() {
        let token = TenantToken(objectId: "x", amr: ["pwd"], acrs: [], issuedAt: testStart, nonce: "n")
        let text = token.encoded()
        #expect(TenantToken.decode(text)?.objectId == "x")
        var bytes = Array(text)
        bytes[12] = bytes[12] == "A" ? "B" : "A"
        #expect(TenantToken.decode(String(bytes)) == nil)
        #expect(
            SimulatedSignIn.requestedContexts(#"{"access_token":{"acrs":{"essential":true,"value":"c1"}}}"#) == ["c1"])
        #expect(
            SimulatedSignIn.requestedContexts(
                "%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22values%22%3A%5B%22c2%22%5D%7D%7D%7D") == ["c2"])
    }
}
