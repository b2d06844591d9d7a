/// A demo user one can act as (`pim --demo --as ben`).
public struct Persona: Hashable, Sendable, Codable {
    /// The short name typed after `--as` (`ada`).
    public var id: String
    public var displayName: String
    public var userPrincipalName: String
    /// The user's object id: the `principalId` of their requests.
    public var objectId: String
    /// One sentence: what this persona sees and can do in the demo.
    public var summary: String

    public init(id: String, displayName: String, userPrincipalName: String, objectId: String, summary: String) {
        self.id = id
        self.displayName = displayName
        self.userPrincipalName = userPrincipalName
        self.objectId = objectId
        self.summary = summary
    }
}

extension Persona {
    static let ada = Persona(
        id: "ada", displayName: "Ada Admin", userPrincipalName: "ada@contoso.com",
        objectId: "5a1f6c2e-9c0a-4f7e-8d35-0d8e2f1b7a11",
        summary:
            """
            The requester: eligible for 13 roles (Global Administrator, Privileged Role Administrator, Exchange, \
            Intune, …) and 6 PIM groups, with two active elevations, one request waiting for Ben and an assignment \
            to extend. In Azure: 14 eligible roles across the Contoso management group, its three subscriptions, \
            resource groups and resources (Contributor on Prod-Payments needs a ticket, Owner there needs Ben's \
            approval), Contributor on Dev-Sandbox active. Reviews the Global Administrator eligibilities (with Ben) \
            and the first stage of the itops-sysadmin-prod-requireapproval members review.
            """
    )
    static let ben = Persona(
        id: "ben", displayName: "Ben Approver", userPrincipalName: "ben@contoso.com",
        objectId: "0b3e8c1d-2f4a-4b6c-9d7e-1a2b3c4d5e61",
        summary:
            """
            The approver: Privileged Role Administrator with requests from Ada, Carl, Dana and Eve waiting for his \
            decision, and Azure Owner requests from Carl and Dana. Reviews the Global Administrator eligibilities \
            with Ada, and the second stage of the itops-sysadmin-prod-requireapproval members review.
            """
    )
    static let hana = Persona(
        id: "hana", displayName: "Hana Helpdesk", userPrincipalName: "hana@contoso.com",
        objectId: "7c4d2e9f-3a5b-4c6d-8e7f-2b3c4d5e6f72",
        summary:
            """
            The helpdesk user: Global Reader who watches every active elevation in the tenant count down; eligible for \
            Helpdesk and Password Administrator. Reader on the Contoso management group, so she sees who is active \
            in every Azure subscription.
            """
    )
    static let carl = Persona(
        id: "carl", displayName: "Carl Contractor", userPrincipalName: "carl@contoso.com",
        objectId: "1d5e3f0a-4b6c-4d7e-9f80-3c4d5e6f7a83",
        summary:
            """
            A contractor with requests for Global Administrator and itops-sysadmin-prod-requireapproval waiting for \
            approval.
            """
    )
    static let dana = Persona(
        id: "dana", displayName: "Dana Developer", userPrincipalName: "dana@contoso.com",
        objectId: "2e6f4a1b-5c7d-4e8f-a091-4d5e6f7a8b94",
        summary:
            """
            A developer whose Application Administrator activation expires within minutes; one request waiting for Ben.
            """
    )
    static let eve = Persona(
        id: "eve", displayName: "Eve Engineer", userPrincipalName: "eve@contoso.com",
        objectId: "3f7a5b2c-6d8e-4f90-b1a2-5e6f7a8b9ca5",
        summary: "An endpoint engineer with Intune Administrator active and a Tier 0 group request waiting for Ben.")
    static let sam = Persona(
        id: "sam", displayName: "Sam Analyst", userPrincipalName: "sam@contoso.com",
        objectId: "4a8b6c3d-7e9f-4a01-82b3-6f7a8b9cadb6",
        summary:
            """
            A SOC analyst with an active Security Analysts membership; the group is eligible for Security Reader and \
            Security Operator, so Sam can activate them too.
            """
    )

    static let all: [Persona] = [ada, ben, hana, carl, dana, eve, sam]
}
