import Foundation
import PIMDomain
import Testing

@testable import PIMGraph

/// A role instance read with `$expand=directoryScope`: a role held at an administrative unit is named
/// by the unit, the tenant stays "Directory" whatever the service puts there, and a missing or odd
/// expansion never loses the instance.
struct DirectoryScopeDecodingTests {
    func decode(_ items: [String]) throws -> [Eligibility] {
        let json = #"{"value":["# + items.joined(separator: ",") + "]}"
        return try GraphDate.decoder().decode(GraphPage<RoleInstanceDTO>.self, from: Data(json.utf8)).value
            .map(\.eligibility)
    }

    func item(scope: String, expansion: String?) -> String {
        let expanded = expansion.map { #","directoryScope":\#($0)"# } ?? ""
        return #"""
            {"id":"e-\#(scope.count)","principalId":"p1","roleDefinitionId":"r1","directoryScopeId":"\#(scope)",\#
            "roleDefinition":{"displayName":"User Administrator"}\#(expanded)}
            """#
    }

    @Test func anAdministrativeUnitScopeIsNamedByTheUnit() throws {
        let unit = #"""
            {"@odata.type":"#microsoft.graph.administrativeUnit","id":"au-paris","displayName":"Paris Office"}
            """#
        let eligibility = try decode([item(scope: "/administrativeUnits/au-paris", expansion: unit)])[0]
        #expect(eligibility.target.id.scope == "/administrativeUnits/au-paris")
        #expect(eligibility.target.scopeName == "Paris Office")
        #expect(eligibility.target.scopeLabel == "Paris Office")
    }

    @Test func theTenantIsDirectoryWhetherTheExpansionIsNullOrAnObject() throws {
        let tenant = ##"{"@odata.type":"#microsoft.graph.directory","id":"directory"}"##
        let read = try decode([item(scope: "/", expansion: "null"), item(scope: "/", expansion: tenant)])
        #expect(read.map(\.target.scopeLabel) == ["Directory", "Directory"])
    }

    @Test func aUnitWithoutANameOrAnUnexpectedShapeFallsBackToTheScopeId() throws {
        let read = try decode([
            item(scope: "/administrativeUnits/a", expansion: nil),
            item(scope: "/administrativeUnits/bb", expansion: #"{"displayName":""}"#),
            item(scope: "/administrativeUnits/ccc", expansion: #""not an object""#),
        ])
        #expect(
            read.map(\.target.scopeLabel) == [
                "/administrativeUnits/a", "/administrativeUnits/bb", "/administrativeUnits/ccc",
            ])
    }
}
