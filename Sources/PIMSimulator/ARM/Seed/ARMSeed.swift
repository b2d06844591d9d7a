import Foundation

/// The Azure estate of the demo tenant: one management group over three subscriptions with their
/// resource groups and resources, role settings, and what each persona holds there. Times are
/// relative to `now`, like the Graph side's seed.
enum ARMSeed {
    typealias R = ARMRoleCatalog

    static let managementGroup = "contoso"
    static let prodPayments = StableID.make("azure:subscription:Prod-Payments")
    static let devSandbox = StableID.make("azure:subscription:Dev-Sandbox")
    static let sharedPlatform = StableID.make("azure:subscription:Shared-Platform")
    /// The Entra group whose members are eligible for Azure roles through it (memberType `Group`).
    static let patchOperators = TenantSeed.Group.tier2Patch
    static let securityAnalysts = TenantSeed.Group.securityAnalysts

    static let paymentsApi = ARMScope.resourceGroup(subscription: prodPayments, name: "payments-api-rg")
    static let paymentsData = ARMScope.resourceGroup(subscription: prodPayments, name: "payments-data-rg")
    static let sandbox = ARMScope.resourceGroup(subscription: devSandbox, name: "sandbox-rg")
    static let mlExperiments = ARMScope.resourceGroup(subscription: devSandbox, name: "ml-experiments-rg")
    static let platformNetwork = ARMScope.resourceGroup(subscription: sharedPlatform, name: "platform-network-rg")
    static let sharedSecrets = ARMScope.resourceGroup(subscription: sharedPlatform, name: "shared-secrets-rg")
    static let paymentsVault = ARMScope.resource(
        subscription: prodPayments, group: "payments-data-rg", type: "Microsoft.KeyVault/vaults",
        name: "kv-payments-prod")
    static let paymentsStorage = ARMScope.resource(
        subscription: prodPayments, group: "payments-data-rg", type: "Microsoft.Storage/storageAccounts",
        name: "stpaymentsprod")
    static let paymentsWorker = ARMScope.resource(
        subscription: prodPayments, group: "payments-api-rg", type: "Microsoft.Compute/virtualMachines",
        name: "vm-payments-worker-01")
    static let sandboxStorage = ARMScope.resource(
        subscription: devSandbox, group: "ml-experiments-rg", type: "Microsoft.Storage/storageAccounts",
        name: "stsandboxml")
    static let platformVault = ARMScope.resource(
        subscription: sharedPlatform, group: "shared-secrets-rg", type: "Microsoft.KeyVault/vaults",
        name: "kv-platform-shared")
    static let hubNetwork = ARMScope.resource(
        subscription: sharedPlatform, group: "platform-network-rg", type: "Microsoft.Network/virtualNetworks",
        name: "vnet-hub")

    static let mg = ARMScope.managementGroup(managementGroup)
    static let prod = ARMScope.subscription(prodPayments)
    static let dev = ARMScope.subscription(devSandbox)
    static let shared = ARMScope.subscription(sharedPlatform)

    static func make(now: Date) -> ARMEstate {
        var estate = ARMEstate()
        estate.managementGroups = [ARMManagementGroup(name: managementGroup, displayName: "Contoso")]
        estate.subscriptions = [
            ARMSubscription(id: prodPayments, displayName: "Prod-Payments", managementGroup: managementGroup),
            ARMSubscription(id: devSandbox, displayName: "Dev-Sandbox", managementGroup: managementGroup),
            ARMSubscription(id: sharedPlatform, displayName: "Shared-Platform", managementGroup: managementGroup),
        ]
        for case .resourceGroup(let sub, let name) in [
            paymentsApi, paymentsData, sandbox, mlExperiments, platformNetwork, sharedSecrets,
        ] {
            estate.resourceGroups.append(ARMResourceGroup(subscriptionId: sub, name: name, location: "westeurope"))
        }
        for case .resource(let sub, let group, let type, let name) in [
            paymentsVault, paymentsStorage, paymentsWorker, sandboxStorage, platformVault, hubNetwork,
        ] {
            estate.resources.append(ARMResource(subscriptionId: sub, resourceGroup: group, type: type, name: name))
        }
        estate.groupMembers = [
            ARMGroupMembership(groupId: patchOperators, memberIds: [Persona.ada.objectId, Persona.dana.objectId]),
            ARMGroupMembership(groupId: securityAnalysts, memberIds: [Persona.sam.objectId]),
        ]
        estate.policies = policies
        addEligibilities(to: &estate, now: now)
        addAssignments(to: &estate, now: now)
        addPendingRequests(to: &estate, now: now)
        return estate
    }

    private static let hour = 3600

    /// Role settings that differ from the default (justification, 8 hours), per role and scope.
    static var policies: [ARMPolicy] {
        func policy(
            _ scope: ARMScope, _ role: String, max: Int, justification: Bool = true, ticket: Bool = false,
            mfa: Bool = false, approval: Bool = false, context: String? = nil
        ) -> ARMPolicy {
            ARMPolicy(
                policyId: StableID.make("azure:policy:\(scope.id.lowercased()):\(role)"), scope: scope.id, roleId: role,
                maximumDurationSeconds: max, requiresJustification: justification, requiresTicket: ticket,
                requiresMfa: mfa, requiresApproval: approval, approverIds: approval ? [Persona.ben.objectId] : [],
                authenticationContext: context)
        }
        return [
            policy(prod, R.contributor, max: 8 * hour, ticket: true),
            policy(prod, R.owner, max: 2 * hour, approval: true),
            policy(dev, R.owner, max: 4 * hour, approval: true),
            policy(shared, R.userAccessAdministrator, max: 2 * hour, mfa: true),
            policy(paymentsData, R.storageBlobDataContributor, max: 4 * hour, context: "c1"),
            policy(paymentsVault, R.keyVaultAdministrator, max: 1 * hour, ticket: true),
            policy(sandboxStorage, R.storageAccountContributor, max: 8 * hour, justification: false),
            policy(mg, R.reader, max: 24 * hour, justification: false),
            policy(prod, R.reader, max: 24 * hour, justification: false),
            policy(dev, R.reader, max: 24 * hour, justification: false),
            policy(shared, R.reader, max: 24 * hour, justification: false),
        ]
    }

    private static func eligibility(
        _ label: String, _ scope: ARMScope, _ role: String, _ principal: String, type: String = "User",
        member: String = "Direct", start: Date, end: Date? = nil
    ) -> ARMEligibility {
        ARMEligibility(
            scheduleId: StableID.make("azure:eligibility:\(label)"),
            instanceId: StableID.make("azure:instance:\(label)"),
            scope: scope.id, roleId: role, principalId: principal, principalType: type, memberType: member,
            start: start, end: end)
    }

    static func addEligibilities(to estate: inout ARMEstate, now: Date) {
        let since = now.addingTimeInterval(-120 * 86_400)
        let year = now.addingTimeInterval(245 * 86_400)
        let ada = Persona.ada.objectId
        estate.eligibilities = [
            // Ada: every scope type; Reader granted at the management group shows as Inherited below it.
            eligibility("ada:mg:reader", mg, R.reader, ada, start: since),
            eligibility("ada:prod:reader", prod, R.reader, ada, member: "Inherited", start: since),
            eligibility("ada:dev:reader", dev, R.reader, ada, member: "Inherited", start: since),
            eligibility("ada:shared:reader", shared, R.reader, ada, member: "Inherited", start: since),
            eligibility("ada:prod:contributor", prod, R.contributor, ada, start: since, end: year),
            eligibility("ada:prod:owner", prod, R.owner, ada, start: since, end: year),
            eligibility("ada:dev:contributor", dev, R.contributor, ada, start: since),
            eligibility("ada:shared:uaa", shared, R.userAccessAdministrator, ada, start: since, end: year),
            eligibility("ada:paymentsData:blob", paymentsData, R.storageBlobDataContributor, ada, start: since),
            eligibility("ada:platformNetwork:network", platformNetwork, R.networkContributor, ada, start: since),
            eligibility("ada:paymentsVault:kv", paymentsVault, R.keyVaultAdministrator, ada, start: since),
            eligibility("ada:sandboxStorage:storage", sandboxStorage, R.storageAccountContributor, ada, start: since),
            // Through the patch operators group (Ada and Dana are members).
            eligibility(
                "patch:paymentsApi:vm", paymentsApi, R.virtualMachineContributor, patchOperators, type: "Group",
                member: "Group", start: since),
            eligibility(
                "patch:platformVault:secrets", platformVault, R.keyVaultSecretsOfficer, patchOperators, type: "Group",
                member: "Group", start: since),
            eligibility(
                "analysts:shared:monitoring", shared, R.monitoringReader, securityAnalysts, type: "Group",
                member: "Group", start: since),
            // Others: what their running and pending requests stand on.
            eligibility("ben:prod:owner", prod, R.owner, Persona.ben.objectId, start: since),
            eligibility("ben:shared:contributor", shared, R.contributor, Persona.ben.objectId, start: since),
            eligibility("carl:prod:owner", prod, R.owner, Persona.carl.objectId, start: since),
            eligibility("dana:dev:owner", dev, R.owner, Persona.dana.objectId, start: since),
            eligibility("dana:dev:contributor", dev, R.contributor, Persona.dana.objectId, start: since),
            eligibility(
                "eve:paymentsApi:vm", paymentsApi, R.virtualMachineContributor, Persona.eve.objectId, start: since),
            eligibility("sam:shared:reader", shared, R.reader, Persona.sam.objectId, start: since),
        ]
    }

    /// Standing access and activations in force when the tenant opens; some end within minutes.
    static func addAssignments(to estate: inout ARMEstate, now: Date) {
        func ago(_ minutes: Double) -> Date { now.addingTimeInterval(-minutes * 60) }
        estate.assignments = [
            standing("hana:mg:reader", mg, R.reader, Persona.hana.objectId, start: ago(200 * 1440), end: nil),
            // Time-bound and expiring within 14 days: Ada can ask to extend it.
            standing(
                "ada:sandbox:reader", sandbox, R.reader, Persona.ada.objectId, start: ago(80 * 1440),
                end: now.addingTimeInterval(9 * 86_400)),
        ]
        let running: [(String, Persona, ARMScope, String, Double, Int, String, String?)] = [
            ("ada:dev:contributor", .ada, dev, R.contributor, 45, 4 * hour, "Clean up the sandbox VMs", nil),
            (
                "ben:shared:contributor", .ben, shared, R.contributor, 108, 2 * hour, "Rotate the hub VPN keys",
                "CHG-3120"
            ),
            ("dana:dev:contributor", .dana, dev, R.contributor, 30, 3 * hour, "Deploy the feature branch", nil),
            (
                "eve:paymentsApi:vm", .eve, paymentsApi, R.virtualMachineContributor, 55, 1 * hour,
                "Resize the workers", nil
            ),
            ("sam:shared:reader", .sam, shared, R.reader, 300, 8 * hour, "Investigate sign-in alerts", nil),
        ]
        for (label, persona, scope, role, minutesAgo, duration, justification, ticket) in running {
            let start = ago(minutesAgo)
            let eligibility = estate.eligibilities.first {
                $0.scheduleId == StableID.make("azure:eligibility:\(label)")
            }
            let request = ARMRequest(
                name: StableID.make("azure:running:\(label)"), scope: scope.id, roleId: role,
                principalId: persona.objectId, principalType: "User", requestType: "SelfActivate",
                status: "Provisioned", requestorId: persona.objectId, justification: justification,
                ticketNumber: ticket, ticketSystem: ticket == nil ? nil : "ServiceNow", scheduleStart: start,
                expirationType: "AfterDuration", durationText: "PT\(duration / hour)H", endDateTime: nil,
                linkedEligibilityScheduleId: eligibility?.scheduleId, targetScheduleId: nil, targetInstanceId: nil,
                createdOn: start.addingTimeInterval(-2), approval: nil)
            estate.requests.append(request)
            estate.assignments.append(
                ARMAssignment(
                    instanceId: StableID.make("azure:active:\(label)"),
                    scheduleId: StableID.make("azure:schedule:\(label)"),
                    scope: scope.id, roleId: role, principalId: persona.objectId, principalType: "User",
                    memberType: "Direct", assignmentType: "Activated", start: start,
                    end: start.addingTimeInterval(Double(duration)),
                    linkedEligibilityScheduleId: eligibility?.scheduleId,
                    requestName: request.name))
        }
    }

    private static func standing(
        _ label: String, _ scope: ARMScope, _ role: String, _ principal: String, start: Date, end: Date?
    ) -> ARMAssignment {
        ARMAssignment(
            instanceId: StableID.make("azure:active:\(label)"), scheduleId: StableID.make("azure:schedule:\(label)"),
            scope: scope.id, roleId: role, principalId: principal, principalType: "User", memberType: "Direct",
            assignmentType: "Assigned", start: start, end: end, linkedEligibilityScheduleId: nil, requestName: nil)
    }

    /// Requests waiting for Ben's decision.
    static func addPendingRequests(to estate: inout ARMEstate, now: Date) {
        let pending: [(String, Persona, ARMScope, String, Double, String)] = [
            ("carl:prod:owner", .carl, prod, R.owner, 20, "Grant the payments auditor access to the vault"),
            ("dana:dev:owner", .dana, dev, R.owner, 90, "Set up the sandbox budget alerts"),
        ]
        for (label, persona, scope, role, minutesAgo, justification) in pending {
            let created = now.addingTimeInterval(-minutesAgo * 60)
            estate.requests.append(
                ARMRequest(
                    name: StableID.make("azure:pending:\(label)"), scope: scope.id, roleId: role,
                    principalId: persona.objectId, principalType: "User", requestType: "SelfActivate",
                    status: "PendingApproval", requestorId: persona.objectId, justification: justification,
                    ticketNumber: nil, ticketSystem: nil, scheduleStart: created, expirationType: "AfterDuration",
                    durationText: "PT2H", endDateTime: nil,
                    linkedEligibilityScheduleId: StableID.make("azure:eligibility:\(label)"), targetScheduleId: nil,
                    targetInstanceId: nil, createdOn: created,
                    approval: ARMApproval(
                        id: StableID.make("azure:approval:\(label)"), stageId: StableID.make("azure:stage:\(label)"),
                        status: "InProgress", reviewResult: "NotReviewed", reviewedById: nil, reviewedDateTime: nil,
                        justification: "", approverIds: [Persona.ben.objectId])))
        }
    }
}

extension ARMEstate {
    /// The settings that govern `roleId` at `scope`: the configured ones, else the default
    /// (justification required, at most 8 hours, no approval).
    func policy(roleId: String, scope: String) -> ARMPolicy {
        policies.first { sameID($0.roleId, roleId) && sameScope($0.scope, scope) }
            ?? ARMPolicy(
                policyId: StableID.make("azure:policy:\(scope.lowercased()):\(roleId.lowercased())"), scope: scope,
                roleId: roleId.lowercased(), maximumDurationSeconds: 8 * 3600, requiresJustification: true,
                requiresTicket: false, requiresMfa: false, requiresApproval: false, approverIds: [],
                authenticationContext: nil)
    }
}
