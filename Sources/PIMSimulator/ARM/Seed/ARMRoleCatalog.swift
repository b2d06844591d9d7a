/// Azure built-in role definitions the demo uses, with their real GUIDs (the same in every tenant).
enum ARMRoleCatalog {
    struct Role: Sendable, Equatable {
        var id: String
        var name: String
        var description: String
    }

    static let owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
    static let contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c"
    static let reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
    static let userAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"
    static let keyVaultAdministrator = "00482a5a-887f-4fb3-b363-3b7fe8e74483"
    static let keyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"
    static let storageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
    static let storageAccountContributor = "17d1049b-9a84-46fb-8f53-869881c3d3ab"
    static let virtualMachineContributor = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c"
    static let networkContributor = "4d97b98b-1d4f-4787-a291-c67834d212e7"
    static let monitoringReader = "43d0d8ad-25c7-4714-9337-8ba259a9fe05"

    static let all: [Role] = [
        Role(
            id: owner, name: "Owner",
            description:
                "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC."),
        Role(
            id: contributor, name: "Contributor",
            description:
                "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC."),
        Role(
            id: reader, name: "Reader", description: "View all resources, but does not allow you to make any changes."),
        Role(
            id: userAccessAdministrator, name: "User Access Administrator",
            description: "Lets you manage user access to Azure resources."),
        Role(
            id: keyVaultAdministrator, name: "Key Vault Administrator",
            description: "Perform all data plane operations on a key vault and all objects in it."),
        Role(
            id: keyVaultSecretsOfficer, name: "Key Vault Secrets Officer",
            description: "Perform any action on the secrets of a key vault, except manage permissions."),
        Role(
            id: storageBlobDataContributor, name: "Storage Blob Data Contributor",
            description: "Read, write, and delete Azure Storage containers and blobs."),
        Role(
            id: storageAccountContributor, name: "Storage Account Contributor",
            description: "Lets you manage storage accounts, but not access to them."),
        Role(
            id: virtualMachineContributor, name: "Virtual Machine Contributor",
            description: "Create and manage virtual machines, but not access to them or the network they connect to."),
        Role(
            id: networkContributor, name: "Network Contributor",
            description: "Lets you manage networks, but not access to them."),
        Role(id: monitoringReader, name: "Monitoring Reader", description: "Can read all monitoring data."),
    ]

    static func role(_ id: String) -> Role? { all.first { sameID($0.id, id) } }
}
