import Foundation

/// A desktop notification: a title and a body, both already made safe. Every way to build one
/// passes through `init(title:body:)`, which hardens the text: a notification travels inside an
/// escape sequence (OSC 777, OSC 9) or as a program's argument, where a control character from the
/// service would end or hijack the sequence, so none survives, and both parts are short.
public struct DesktopNotification: Hashable, Sendable {
    public let title: String
    public let body: String

    /// Longest title and body, in characters (a desktop shows a few lines; a terminal's sequence
    /// buffer is small).
    public static let titleLimit = 80
    public static let bodyLimit = 300

    public init(title: String, body: String) {
        self.title = Self.harden(title, limit: Self.titleLimit)
        self.body = Self.harden(body, limit: Self.bodyLimit)
    }

    /// The sanitiser's inert form of the text (a token masked, escape sequences and controls made
    /// visible), on one line, cut to `limit` characters; then, in case the sanitiser ever lets one
    /// through, every C0 and C1 control and DEL removed: BEL, ESC and ST end an OSC.
    static func harden(_ text: String, limit: Int) -> String {
        // Lines become spaces first: "␤" in a notification reads worse than a space.
        let oneLine = String(
            String.UnicodeScalarView(
                ServiceText.capped(text).unicodeScalars.map { [0x0A, 0x0D, 0x09].contains($0.value) ? " " : $0 }))
        var safe = Sanitizer.sanitize(SecretMask.mask(oneLine))
        safe.unicodeScalars.removeAll { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        guard safe.count > limit else { return safe }
        return String(safe.prefix(limit - 1)) + "…"
    }
}

extension DesktopNotification {
    /// Requests that wait for my approval and were not there before: one names the requester and the
    /// target, several are counted. Nil for none.
    public static func newApprovals(
        _ items: [ApprovalItem], naming name: (ElevationTarget) -> String
    ) -> DesktopNotification? {
        guard let first = items.first else { return nil }
        guard items.count == 1 else {
            return DesktopNotification(
                title: "New requests for your approval", body: "\(items.count) new requests wait for your approval.")
        }
        let request = first.request
        var body = "\(request.principal.label) asks for \(name(request.target))"
        if let duration = request.duration { body += " for \(duration.shortDescription)" }
        if let justification = request.justification, !justification.isEmpty { body += ": \(justification)" }
        return DesktopNotification(title: "New request for your approval", body: body + ".")
    }

    /// One of my requests that waited for a decision is decided: who decided and why when the
    /// request's review says so. Nil while it still waits, and for an end nobody decided (cancelled,
    /// failed, expired).
    public static func decided(
        _ request: ElevationRequest, naming name: (ElevationTarget) -> String
    ) -> DesktopNotification? {
        let target = name(request.target)
        let reason = request.review?.justification.map { ": \($0)" } ?? ""
        let reviewer = request.review?.reviewer?.label
        switch request.status {
        case .denied:
            let who = reviewer ?? "An approver"
            return DesktopNotification(
                title: "Request denied", body: "\(who) denied your request for \(target)\(reason).")
        case .granted, .provisioned, .scheduleCreated:
            let who = reviewer ?? "An approver"
            let active = request.status == .provisioned ? " It is active now." : ""
            return DesktopNotification(
                title: "Request approved", body: "\(who) approved your request for \(target)\(reason).\(active)")
        default:
            return nil
        }
    }

    /// An activation of mine ends soon (the T-10 and T-2 warnings).
    public static func endsSoon(_ name: String, remaining: TimeInterval) -> DesktopNotification {
        DesktopNotification(
            title: "Activation ends soon",
            body: "\(name) ends in \(Countdown.text(remaining: remaining)): extend it in pim (e).")
    }
}
