import Foundation
import Testing

@testable import PIMSimulator

/// Roles held at administrative units in the simulated tenant: listed with the unit under
/// `$expand=directoryScope`, activated at the unit, and refused at a unit the tenant lacks or one
/// the requester is not eligible at.
@Suite struct AdministrativeUnitTests {
    static let passwordAdmin = "966707d0-3269-4727-9be2-8c3a10f19b9d"
    static let licenseAdmin = "4d6ac14f-3453-41d0-bef9-a3e0c569773a"
    static let paris = "/administrativeUnits/" + AdministrativeUnitSeed.parisOffice
    static let berlin = "/administrativeUnits/" + AdministrativeUnitSeed.berlinOffice

    func activation(_ role: String, at scope: String) -> JSONObject {
        var body = PIMSimulatorTests.activation(role: role)
        body["directoryScopeId"] = scope
        return body
    }

    @Test func theExpansionNamesTheUnitAndIsNullForTheTenant() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.get(myEligibleRoles + "?$expand=roleDefinition,directoryScope")
        #expect(reply.status == 200)
        let license = reply.json.items.filter { $0.str("roleDefinitionId") == Self.licenseAdmin }
        let byScope = Dictionary(uniqueKeysWithValues: license.map { ($0.str("directoryScopeId") ?? "", $0) })
        #expect(Set(byScope.keys) == ["/", Self.berlin])
        let unit = try #require(byScope[Self.berlin]?.obj("directoryScope"))
        #expect(unit.str("@odata.type") == "#microsoft.graph.administrativeUnit")
        #expect(unit.str("id") == AdministrativeUnitSeed.berlinOffice)
        #expect(unit.str("displayName") == "Berlin Office")
        #expect(byScope["/"]?["directoryScope"] is NSNull)
    }

    @Test func anActivationAtAUnitIsHeldAtThatUnit() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.post(roleRequests, activation(Self.passwordAdmin, at: Self.paris))
        #expect(reply.status == 201, "\(reply.json)")
        #expect(reply.json.str("directoryScopeId") == Self.paris)
        let active = try await client.get(myActiveRoles)
        let scopes = active.json.items.filter { $0.str("roleDefinitionId") == Self.passwordAdmin }
            .compactMap { $0.str("directoryScopeId") }
        #expect(scopes == [Self.paris])
    }

    @Test func aUnitTheTenantDoesNotHaveIsABadRequestAndCreatesNothing() async throws {
        let client = RawClient(try makeTenant())
        let reply = try await client.post(
            roleRequests,
            activation(Self.passwordAdmin, at: "/administrativeUnits/00000000-0000-0000-0000-00000000dead"))
        #expect(reply.status == 400)
        #expect(reply.json.errorCode == "InvalidDirectoryScope")
        let mine = try await client.get(roleRequests + "/filterByCurrentUser(on='principal')")
        #expect(!mine.json.items.contains { ($0.str("directoryScopeId") ?? "").hasSuffix("dead") })
    }

    @Test func aUnitIAmNotEligibleAtFailsTheEligibilityRule() async throws {
        let client = RawClient(try makeTenant())
        // Password Administrator is held at Paris and Berlin, not tenant-wide; License Administrator not at Paris.
        for (role, scope) in [(Self.passwordAdmin, "/"), (Self.licenseAdmin, Self.paris)] {
            let reply = try await client.post(roleRequests, activation(role, at: scope))
            #expect(reply.status == 400)
            #expect(reply.json.errorMessage == #"The following policy rules failed: ["EligibilityRule"]"#)
        }
    }
}
