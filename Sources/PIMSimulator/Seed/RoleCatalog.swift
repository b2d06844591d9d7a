/// Built-in Microsoft Entra roles with their real template ids (the role definition id in Graph).
enum RoleCatalog {
    static let globalAdministrator = "62e90394-69f5-4237-9190-012177145e10"
    static let privilegedRoleAdministrator = "e8611ab8-c189-46e8-94e1-60213ab1f814"
    static let securityAdministrator = "194ae4cb-b126-40b2-bd5b-6091b380977d"
    static let securityReader = "5d6b6bb7-de71-4623-b4af-96380a352509"
    static let securityOperator = "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f"
    static let globalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451"
    static let userAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1"
    static let exchangeAdministrator = "29232cdf-9323-42fd-ade2-1d097af3e4de"
    static let intuneAdministrator = "3a2c62db-5318-420d-8d74-23affee5d9d5"
    static let sharePointAdministrator = "f28a1f50-f6e7-4571-818b-6a12f2af6b6c"
    static let teamsAdministrator = "69091246-20e8-4a56-aa4d-066075b2a7a8"
    static let helpdeskAdministrator = "729827e3-9c14-49f7-bb1b-9608f156bbb8"
    static let passwordAdministrator = "966707d0-3269-4727-9be2-8c3a10f19b9d"
    static let applicationAdministrator = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"
    static let cloudApplicationAdministrator = "158c047a-c907-4556-b7ef-446551a6b5f7"
    static let groupsAdministrator = "fdd7a751-b60b-444a-984c-02652fe8fa1c"
    static let authenticationAdministrator = "c4e39bd9-1100-46d3-8c65-fb160da0071f"
    static let privilegedAuthenticationAdministrator = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13"
    static let conditionalAccessAdministrator = "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9"
    static let reportsReader = "4a5d8f65-41da-4de4-8968-e035b65339cf"
    static let billingAdministrator = "b0f54661-2d74-4c50-afa3-1ec803f12efe"
    static let complianceAdministrator = "17315797-102d-40b4-93e0-432062caca18"
    static let cloudDeviceAdministrator = "7698a772-787b-4ac8-901f-60d6b08affd2"
    static let directoryReaders = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"
    static let directoryWriters = "9360feb5-f418-4baa-8175-e2a00bac4301"
    static let hybridIdentityAdministrator = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2"
    static let identityGovernanceAdministrator = "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e"
    static let licenseAdministrator = "4d6ac14f-3453-41d0-bef9-a3e0c569773a"
    static let messageCenterReader = "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b"
    static let powerPlatformAdministrator = "11648597-926c-4cf3-9c36-bcebb0ba8dcc"
    static let serviceSupportAdministrator = "f023fd81-a637-4b56-95fd-791ac0226033"
    static let exchangeRecipientAdministrator = "31392ffb-586c-42d1-9346-e59415a2cc4e"
    static let searchAdministrator = "0964bb5e-9bdb-4d7b-ac29-58e794862a40"

    static let all: [TenantRole] = [
        role(
            globalAdministrator, "Global Administrator",
            "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities."),
        role(
            privilegedRoleAdministrator, "Privileged Role Administrator",
            "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management."),
        role(
            securityAdministrator, "Security Administrator",
            """
            Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.
            """),
        role(
            securityReader, "Security Reader",
            "Can read security information and reports in Microsoft Entra ID and Office 365."),
        role(securityOperator, "Security Operator", "Creates and manages security events."),
        role(
            globalReader, "Global Reader",
            "Can read everything that a Global Administrator can, but not update anything."),
        role(
            userAdministrator, "User Administrator",
            "Can manage all aspects of users and groups, including resetting passwords for limited admins."),
        role(exchangeAdministrator, "Exchange Administrator", "Can manage all aspects of the Exchange product."),
        role(intuneAdministrator, "Intune Administrator", "Can manage all aspects of the Intune product."),
        role(sharePointAdministrator, "SharePoint Administrator", "Can manage all aspects of the SharePoint service."),
        role(teamsAdministrator, "Teams Administrator", "Can manage the Microsoft Teams service."),
        role(
            helpdeskAdministrator, "Helpdesk Administrator",
            "Can reset passwords for non-administrators and Helpdesk Administrators."),
        role(
            passwordAdministrator, "Password Administrator",
            "Can reset passwords for non-administrators and Password Administrators."),
        role(
            applicationAdministrator, "Application Administrator",
            "Can create and manage all aspects of app registrations and enterprise apps."),
        role(
            cloudApplicationAdministrator, "Cloud Application Administrator",
            "Can create and manage all aspects of app registrations and enterprise apps except App Proxy."),
        role(
            groupsAdministrator, "Groups Administrator",
            """
            Members of this role can create/manage groups, create/manage groups settings like naming and expiration \
            policies, and view groups activity and audit reports.
            """
        ),
        role(
            authenticationAdministrator, "Authentication Administrator",
            "Can access to view, set and reset authentication method information for any non-admin user."),
        role(
            privilegedAuthenticationAdministrator, "Privileged Authentication Administrator",
            "Can access to view, set and reset authentication method information for any user (admin or non-admin)."),
        role(
            conditionalAccessAdministrator, "Conditional Access Administrator",
            "Can manage Conditional Access capabilities."),
        role(reportsReader, "Reports Reader", "Can read sign-in and audit reports."),
        role(
            billingAdministrator, "Billing Administrator",
            "Can perform common billing related tasks like updating payment information."),
        role(
            complianceAdministrator, "Compliance Administrator",
            "Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365."),
        role(
            cloudDeviceAdministrator, "Cloud Device Administrator",
            "Limited access to manage devices in Microsoft Entra ID."),
        role(
            directoryReaders, "Directory Readers",
            """
            Can read basic directory information. Commonly used to grant directory read access to applications and \
            guests.
            """
        ),
        role(
            directoryWriters, "Directory Writers",
            """
            Can read and write basic directory information. For granting access to applications, not intended for \
            users.
            """
        ),
        role(
            hybridIdentityAdministrator, "Hybrid Identity Administrator",
            "Can manage AD to Microsoft Entra cloud provisioning, Microsoft Entra Connect, and federation settings."),
        role(
            identityGovernanceAdministrator, "Identity Governance Administrator",
            "Manage access using Microsoft Entra ID for identity governance scenarios."),
        role(licenseAdministrator, "License Administrator", "Can manage product licenses on users and groups."),
        role(
            messageCenterReader, "Message Center Reader",
            "Can read messages and updates for their organization in Office 365 Message Center only."),
        role(
            powerPlatformAdministrator, "Power Platform Administrator",
            "Can create and manage all aspects of Microsoft Dynamics 365, Power Apps and Power Automate."),
        role(
            serviceSupportAdministrator, "Service Support Administrator",
            "Can read service health information and manage support tickets."),
        role(
            exchangeRecipientAdministrator, "Exchange Recipient Administrator",
            "Can create or update Exchange Online recipients within the Exchange Online organization."),
        role(
            searchAdministrator, "Search Administrator",
            "Can create and manage all aspects of Microsoft Search settings."),
    ]

    /// Roles whose holders may read PIM data tenant-wide (the Graph PIM read requirement).
    static let tenantReaders: Set<String> = [
        globalAdministrator, privilegedRoleAdministrator, securityAdministrator, securityReader, securityOperator,
        globalReader,
    ]

    /// Roles allowed to read the tenant's audit log (Reports Reader, Security Reader, Security Administrator or
    /// higher).
    static let auditReaders: Set<String> = tenantReaders.union([reportsReader])

    /// Roles allowed to perform `admin*` requests on role assignments.
    static let roleAdministrators: Set<String> = [globalAdministrator, privilegedRoleAdministrator]

    private static func role(_ id: String, _ name: String, _ description: String) -> TenantRole {
        TenantRole(id: id, displayName: name, description: description)
    }
}
