/// The enterprise access model's tier of a target: Tier 0 can take over the tenant.
public enum PrivilegeTier: Int, Hashable, Sendable, Codable, Comparable, CaseIterable {
    case tier0 = 0, tier1 = 1, tier2 = 2

    public var label: String { "Tier \(rawValue)" }

    public static func < (a: PrivilegeTier, b: PrivilegeTier) -> Bool { a.rawValue < b.rawValue }

    /// Built-in roles that control identity, privileged access or the tenant itself (by template id,
    /// which never changes, and by name for roles seen without a template id).
    static let tier0Templates: Set<String> = [
        "62e90394-69f5-4237-9190-012177145e10",  // Global Administrator
        "e8611ab8-c189-46e8-94e1-60213ab1f814",  // Privileged Role Administrator
        "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",  // Privileged Authentication Administrator
        "c4e39bd9-1100-46d3-8c65-fb160da0071f",  // Authentication Administrator (can reset admin MFA)
        "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",  // Application Administrator
        "158c047a-c907-4556-b7ef-446551a6b5f7",  // Cloud Application Administrator
        "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",  // Hybrid Identity Administrator
        "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",  // Conditional Access Administrator
        "194ae4cb-b126-40b2-bd5b-6091b380977d",  // Security Administrator
        "be2f45a1-457d-42af-a067-6ec1fa63bc45",  // External Identity Provider Administrator
        "8329153b-31d0-4727-b945-745eb3bc5f31",  // Domain Name Administrator
        "7698a772-787b-4ac8-901f-60d6b08affd2",  // Cloud Device Administrator
        "3a2c62db-5318-420d-8d74-23affee5d9d5",  // Intune Administrator
        "966707d0-3269-4727-9be2-8c3a10f19b9d",  // Password Administrator
        "fe930be7-5e62-47db-91af-98c3a49a38b1",  // User Administrator
        "29232cdf-9323-42fd-ade2-1d097af3e4de",  // Exchange Administrator
    ]

    static let tier0Names: Set<String> = [
        "global administrator", "privileged role administrator", "privileged authentication administrator",
        "authentication administrator", "application administrator", "cloud application administrator",
        "hybrid identity administrator", "conditional access administrator", "security administrator",
        "external identity provider administrator", "domain name administrator", "cloud device administrator",
        "intune administrator", "password administrator", "user administrator", "exchange administrator",
    ]

    static let tier1Names: Set<String> = [
        "groups administrator", "helpdesk administrator", "sharepoint administrator", "teams administrator",
        "license administrator", "billing administrator", "security operator", "compliance administrator",
        "exchange recipient administrator", "authentication policy administrator", "directory writers",
        "identity governance administrator", "azure devops administrator", "power platform administrator",
    ]

    /// The tier of `target`. Groups follow their name when it carries a tier (`pag_Tier0.…`),
    /// otherwise they count as Tier 1: membership may grant roles.
    public static func of(_ target: ElevationTarget) -> PrivilegeTier {
        let name = target.displayName.lowercased()
        if target.kind.family == .azure { return azure(name, scope: AzureScope(target.id.scope ?? "/")) }
        if target.kind.isGroup {
            if name.contains("tier0") || name.contains("tier 0") || name.contains("tier-0") { return .tier0 }
            if name.contains("tier2") || name.contains("tier 2") || name.contains("tier3") || name.contains("tier-2") {
                return .tier2
            }
            return .tier1
        }
        if let template = target.templateId, tier0Templates.contains(template.lowercased()) { return .tier0 }
        if tier0Templates.contains(target.id.resourceId.lowercased()) { return .tier0 }
        if tier0Names.contains(name) { return .tier0 }
        if tier1Names.contains(name) || name.hasSuffix("administrator") { return .tier1 }
        return .tier2
    }

    /// Azure roles that can grant access (to anyone, the holder included) at their scope.
    static let azureAccessNames: Set<String> = [
        "owner", "user access administrator", "role based access control administrator",
    ]

    /// An Azure role's tier: granting access from a subscription up controls every workload below it
    /// (Tier 0), granting it on one resource group or resource, or changing resources, is Tier 1, and
    /// reading is Tier 2.
    static func azure(_ name: String, scope: AzureScope) -> PrivilegeTier {
        if azureAccessNames.contains(name) {
            switch scope.kind {
            case .root, .managementGroup, .subscription: return .tier0
            case .resourceGroup, .resource: return .tier1
            }
        }
        return name.contains("reader") ? .tier2 : .tier1
    }
}
