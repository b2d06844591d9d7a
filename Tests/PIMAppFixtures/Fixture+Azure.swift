import Foundation
import PIMApp
import PIMDomain

/// The fixture tenant's Azure roles: eligibilities at every scope type (a management group, a
/// subscription, a resource group, a resource), one role at two scopes, held directly, through a group
/// and inherited; one activation counting down that started two minutes ago (the service's 5-minute
/// rule still holds it); a request of Ben's waiting for Ada's approval; one of Hana's Azure elevations.
extension Fixture {
    public static let paymentsSubscription = "/subscriptions/8d2c6f0e-1b7a-4c55-9e3f-2a6d0c9b7e41"
    public static let dataSubscription = "/subscriptions/3f5a9b12-7c4e-4d8a-b6e1-9c0d2e4f6a87"
    public static let appResourceGroup = paymentsSubscription + "/resourceGroups/app-rg"
    public static let paymentsVault = appResourceGroup + "/providers/Microsoft.KeyVault/vaults/kv-payments"
    public static let landingZones = "/providers/Microsoft.Management/managementGroups/mg-landing-zones"

    /// An Azure role at `scope`: the role definition id carries the subscription, as ARM reports it
    /// (none for a management group).
    static func azureRole(
        _ name: String, _ definition: String, at scope: String, named scopeName: String
    )
        -> ElevationTarget
    {
        let subscription = AzureScope(scope).subscriptionId.map { "/subscriptions/\($0)" } ?? ""
        return ElevationTarget(
            id: .azure(
                roleDefinitionId: subscription + "/providers/Microsoft.Authorization/roleDefinitions/" + definition,
                scope: scope),
            displayName: name, scopeName: scopeName)
    }

    public static let contributorPayments = azureRole(
        "Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", at: paymentsSubscription, named: "Prod-Payments")
    public static let contributorAppRg = azureRole(
        "Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", at: appResourceGroup,
        named: "Prod-Payments / app-rg")
    public static let ownerLandingZones = azureRole(
        "Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", at: landingZones, named: "Landing Zones")
    public static let keyVaultAdmin = azureRole(
        "Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483", at: paymentsVault,
        named: "Prod-Payments / kv-payments")
    public static let vmContributorAppRg = azureRole(
        "Virtual Machine Contributor", "9980e02c-c2be-4d73-94e8-173b1dc7cf3c", at: appResourceGroup,
        named: "Prod-Payments / app-rg")
    public static let ownerPayments = azureRole(
        "Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", at: paymentsSubscription, named: "Prod-Payments")
    public static let contributorData = azureRole(
        "Contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c", at: dataSubscription, named: "Prod-Data")

    public static var azureEligibilities: [Eligibility] {
        [
            azureEligibility(contributorPayments), azureEligibility(contributorAppRg),
            azureEligibility(ownerLandingZones, memberType: .inherited),
            azureEligibility(keyVaultAdmin, memberType: .group), azureEligibility(vmContributorAppRg),
        ]
    }

    public static var azurePolicies: [TargetID: ActivationPolicy] {
        [
            contributorPayments.id: ActivationPolicy(
                maxDuration: .hours(8), requiresJustification: true, requiresTicket: true),
            contributorAppRg.id: plain,
            ownerLandingZones.id: ActivationPolicy(
                maxDuration: .hours(2), requiresJustification: true, requiresMfa: true, requiresApproval: true),
            keyVaultAdmin.id: ActivationPolicy(maxDuration: .hours(4), requiresJustification: true),
            vmContributorAppRg.id: plain,
        ]
    }

    /// Ada's Virtual Machine Contributor on the app resource group, activated two minutes ago for two hours.
    public static let vmContributorActive = ActiveAssignment(
        id: "7a1d0c3e-5b2f-4e8a-9d61-0f3c2b4a5e6d", target: vmContributorAppRg, principal: ada,
        start: now.addingTimeInterval(-120), end: now.addingTimeInterval(2 * 3600 - 120))
    public static let vmContributorRequest = ElevationRequest(
        id: "c5e2a9f1-3d4b-4a6c-8e7f-1b2d3c4e5f60", target: vmContributorAppRg, action: .selfActivate,
        status: .provisioned, principal: ada, createdAt: now.addingTimeInterval(-125),
        justification: "Scale out the payment workers", duration: .hours(2))

    /// Ben asks for Owner on Prod-Payments; Ada approves.
    public static let azureApprovalItem = ApprovalItem(
        request: ElevationRequest(
            id: "e9b7c4d2-6a1f-4b3e-8c5d-2f7a9e0b1c34", target: ownerPayments, action: .selfActivate,
            status: .pendingApproval, principal: ben, createdAt: at(-1),
            justification: "Rotate the storage keys after INC-4720",
            ticket: TicketInfo(number: "INC-4720", system: "ServiceNow"), duration: .hours(1),
            approvalId: "e9b7c4d2-6a1f-4b3e-8c5d-2f7a9e0b1c34"))

    public static let hanaContributorData = ActiveAssignment(
        id: "4b8e2d6a-9c1f-4a3b-b5e7-6d0c8f2a1e93", target: contributorData, principal: hana, start: at(-0.5),
        end: at(3), memberType: .group)
}
