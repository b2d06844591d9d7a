import Foundation

/// The demo tenant's administrative units and the role eligibilities held at them. The demo requester
/// may reset passwords in the Paris or the Berlin office (two scopes of one role: `--scope` picks one),
/// and manage licences for the whole tenant or for the Berlin office only. Roles the demo already
/// activates by name elsewhere are left tenant-wide, so those names stay unambiguous.
enum AdministrativeUnitSeed {
    static let parisOffice = "5f0d9b2a-7c41-4e8a-9b13-2a6c8e4d1f01"
    static let berlinOffice = "6a1eac3b-8d52-4f9b-8c24-3b7d9f5e2a02"

    static let units: [TenantAdministrativeUnit] = [
        TenantAdministrativeUnit(
            id: parisOffice, displayName: "Paris Office", description: "Users and devices of the Paris office."),
        TenantAdministrativeUnit(
            id: berlinOffice, displayName: "Berlin Office", description: "Users and devices of the Berlin office."),
    ]

    /// Who is eligible for which role at which scope (`nil`: the whole tenant).
    static let eligibilities: [(Persona, role: String, unit: String?)] = [
        (.ada, RoleCatalog.passwordAdministrator, parisOffice),
        (.ada, RoleCatalog.passwordAdministrator, berlinOffice),
        (.ada, RoleCatalog.licenseAdministrator, nil),
        (.ada, RoleCatalog.licenseAdministrator, berlinOffice),
    ]

    static func addEligibilities(to state: inout TenantState, now: Date) {
        let since = now.addingTimeInterval(-60 * 86_400)
        for (persona, role, unit) in eligibilities {
            state.eligibilities.append(
                TenantState.eligibility(
                    name: "\(persona.id):\(role):au:\(unit ?? "/")", kind: .role, principalId: persona.objectId,
                    targetId: role, scope: unit.map { TenantState.administrativeUnitPrefix + $0 } ?? "/",
                    start: since))
        }
    }
}
