import Foundation

/// An administrative unit of the demo tenant: a part of the directory a role can be held at
/// (`directoryScopeId` `/administrativeUnits/{id}`).
struct TenantAdministrativeUnit: Sendable, Equatable {
    var id: String
    var displayName: String
    var description: String
}

extension TenantState {
    static let administrativeUnitPrefix = "/administrativeUnits/"

    /// The unit a `directoryScopeId` names: a seeded one, or one that only the `PIM_SIM_SCALE`
    /// eligibilities name (they exist as far as the tenant is concerned, under a made-up name). Nil for
    /// `/`, another kind of scope, or a unit nothing in the tenant knows.
    func administrativeUnit(scope: String) -> TenantAdministrativeUnit? {
        guard scope.count > Self.administrativeUnitPrefix.count,
            scope.lowercased().hasPrefix(Self.administrativeUnitPrefix.lowercased())
        else { return nil }
        let id = String(scope.dropFirst(Self.administrativeUnitPrefix.count))
        if let unit = AdministrativeUnitSeed.units.first(where: { sameID($0.id, id) }) { return unit }
        let named = eligibilities.contains { $0.kind == .role && sameID($0.directoryScopeId, scope) }
        guard named else { return nil }
        return TenantAdministrativeUnit(
            id: id, displayName: "Administrative unit \(id.prefix(8))", description: "Generated for PIM_SIM_SCALE.")
    }

    /// Refuses a role request whose `directoryScopeId` names an administrative unit the tenant does not
    /// have, as Graph refuses a scope that resolves to no directory object: 400, nothing created.
    func checkDirectoryScope(_ scope: String, kind: TargetKind) throws {
        guard kind == .role, scope.lowercased().hasPrefix(Self.administrativeUnitPrefix.lowercased()) else { return }
        guard administrativeUnit(scope: scope) == nil else { return }
        throw GraphFailure.badRequest(
            "The directoryScopeId '\(scope)' does not name an administrative unit in this tenant.",
            code: "InvalidDirectoryScope")
    }
}
