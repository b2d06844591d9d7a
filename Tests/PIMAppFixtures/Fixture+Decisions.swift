import Foundation
import PIMApp
import PIMDomain

/// Decided requests: Ada's denied one (History's detail strip) and the ones Ben decided (his `m` view).
extension Fixture {
    public static let freezeDenial = Review(
        result: .denied, reviewer: ben, justification: "Not during the freeze", reviewedAt: at(-118.0 / 60))

    /// Ada's request for Global Administrator, denied by Ben at 10:02Z.
    public static let deniedRequest = ElevationRequest(
        id: "req-ada-9", target: globalAdmin, action: .selfActivate, status: .denied, principal: ada,
        createdAt: at(-2.5), justification: "Emergency firewall change", duration: .hours(1), approvalId: "req-ada-9",
        review: freezeDenial)

    /// The dashboard with Ada's denied request among her requests.
    public static var dashboardWithDenial: Dashboard {
        var dashboard = Self.dashboard
        dashboard.myRequests.append(deniedRequest)
        return dashboard
    }

    /// What Ben approved or denied, newest decision first.
    public static let bensDecisions = [
        ElevationRequest(
            id: "req-ada-9", target: globalAdmin, action: .selfActivate, status: .denied, principal: ada,
            createdAt: at(-2.5), justification: "Emergency firewall change", duration: .hours(1),
            approvalId: "req-ada-9", review: freezeDenial),
        ElevationRequest(
            id: "req-chloe-3", target: sysadmin, action: .selfActivate, status: .provisioned, principal: chloe,
            createdAt: at(-26), justification: "Patch night", duration: .hours(1), approvalId: "req-chloe-3",
            review: Review(
                result: .approved, reviewer: ben, justification: "Change CHG-88 approved", reviewedAt: at(-25.5))),
        ElevationRequest(
            id: "req-hana-4", target: contributorPayments, action: .selfActivate, status: .provisioned, principal: hana,
            createdAt: at(-24 * 3), justification: "Scale out", duration: .hours(2), approvalId: "req-hana-4",
            review: Review(result: .approved, reviewer: ben, justification: "OK", reviewedAt: at(-24 * 3 + 0.2))),
    ]
}
