import Foundation
import PIMDomain

/// Azure resource roles the fake can serve beside its directory roles and groups: Contributor at two
/// scopes of one subscription (so `azure:Contributor` alone is ambiguous), Owner on another
/// subscription, Key Vault Administrator on one resource through a group, and Reader inherited from a
/// management group. Opt-in (`seedAzure`), so tests written before Azure roles keep their tenant.
extension FakeService {
    public static let prodSubscription = "/subscriptions/11111111-1111-4111-8111-111111111111"
    public static let devSubscription = "/subscriptions/22222222-2222-4222-8222-222222222222"
    public static let appResourceGroup = prodSubscription + "/resourceGroups/app-rg"
    public static let payVault = appResourceGroup + "/providers/Microsoft.KeyVault/vaults/kv-pay"
    public static let rootManagementGroup = "/providers/Microsoft.Management/managementGroups/contoso-root"

    /// A built-in Azure role's definition id as an eligibility at `scope` carries it: prefixed with the
    /// subscription below a subscription, bare at a management group.
    public static func azureRoleDefinition(_ guid: String, at scope: String) -> String {
        let subscription = AzureScope(scope).subscriptionId.map { "/subscriptions/\($0)" } ?? ""
        return subscription + "/providers/Microsoft.Authorization/roleDefinitions/" + guid
    }

    static func azureTarget(_ name: String, _ guid: String, at scope: String, scopeName: String) -> ElevationTarget {
        ElevationTarget(
            id: .azure(roleDefinitionId: azureRoleDefinition(guid, at: scope), scope: scope),
            displayName: name, scopeName: scopeName)
    }

    public static let contributorProd = azureTarget(
        "Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", at: prodSubscription, scopeName: "Prod-Payments")
    public static let contributorAppRG = azureTarget(
        "Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", at: appResourceGroup,
        scopeName: "Prod-Payments / app-rg")
    public static let ownerDev = azureTarget(
        "Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", at: devSubscription, scopeName: "Dev-Sandbox")
    public static let keyVaultAdmin = azureTarget(
        "Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483", at: payVault,
        scopeName: "Prod-Payments / app-rg / kv-pay")
    public static let readerRoot = azureTarget(
        "Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7", at: rootManagementGroup, scopeName: "Contoso Root")

    /// The eligibility schedule id ARM gives an eligibility at `scope`.
    public static func azureEligibilityId(_ name: String, at scope: String) -> String {
        scope + "/providers/Microsoft.Authorization/roleEligibilitySchedules/" + name
    }

    /// Adds the Azure eligibilities and their policies to `state`.
    public static func seedAzure(_ state: inout State) {
        let me = state.me.id
        let rows: [(ElevationTarget, String, MemberType)] = [
            (contributorProd, "el-contrib-prod", .direct),
            (contributorAppRG, "el-contrib-app", .direct),
            (ownerDev, "el-owner-dev", .direct),
            (keyVaultAdmin, "el-kv-pay", .group),
            (readerRoot, "el-reader-root", .inherited),
        ]
        for (target, name, memberType) in rows {
            state.eligibilities.append(
                Eligibility(
                    id: azureEligibilityId(name, at: target.id.scope ?? "/"), target: target, principalId: me,
                    memberType: memberType))
        }
        state.policies[contributorProd.id] = ActivationPolicy(
            maxDuration: .hours(8), requiresJustification: true, requiresTicket: true)
        state.policies[contributorAppRG.id] = ActivationPolicy(maxDuration: .hours(8), requiresJustification: true)
        state.policies[ownerDev.id] = ActivationPolicy(
            maxDuration: .hours(4), requiresJustification: true, requiresApproval: true)
        state.policies[keyVaultAdmin.id] = ActivationPolicy(
            maxDuration: .hours(2), requiresJustification: true, authenticationContext: "c2")
        state.policies[readerRoot.id] = ActivationPolicy(maxDuration: .hours(8), requiresJustification: false)
    }
}
