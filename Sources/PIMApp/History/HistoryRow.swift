import Foundation
import PIMDomain

/// One line of the History pane: one of my requests, or a PIM audit event.
///
/// The tenant's audit log gives tens of thousands of these. A row made from an audit event points
/// at the event (eight bytes) and reads what the pane shows from it, so the dashboard's events and
/// the pane's rows are one set of records while a refresh is applied, not two; other rows keep
/// their fields in one allocation. Either way the id (`request:…`, `audit:…`) is built when asked.
public struct HistoryRow: Hashable, Sendable, Identifiable {
    public enum Source: String, Hashable, Sendable { case request, audit }

    /// What `id` puts before `key`: rows made from a request name their source.
    private enum Prefix: Hashable, Sendable {
        case none, request

        var text: String { self == .none ? "" : "request:" }
    }

    private struct Fields: Hashable, Sendable {
        var prefix: Prefix
        var key: String
        var source: Source
        var date: Date?
        var activity: String
        var targetName: String
        var result: String
        var actor: String?
        var justification: String?
        var ticket: TicketInfo?
        var requestId: String?
    }

    private final class FieldsBox: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private enum Storage: Sendable {
        case event(AuditEvent)
        case fields(FieldsBox)
    }

    private var storage: Storage

    private var fields: Fields {
        switch storage {
        case .fields(let box): return box.fields
        case .event(let event):
            return Fields(prefix: .none, key: "audit:" + event.id, source: .audit, date: event.date, activity: event.activity,
                          targetName: event.targetName ?? "", result: event.result, actor: event.initiatedBy?.label,
                          justification: event.resultReason, ticket: nil, requestId: event.requestId)
        }
    }

    private mutating func change(_ edit: (inout Fields) -> Void) {
        var copy = fields
        edit(&copy)
        storage = .fields(FieldsBox(copy))
    }

    public var id: String {
        get {
            switch storage {
            case .event(let event): return "audit:" + event.id
            case .fields(let box): return box.fields.prefix.text + box.fields.key
            }
        }
        set { change { $0.prefix = .none; $0.key = newValue } }
    }

    public var source: Source {
        get { if case .fields(let box) = storage { box.fields.source } else { .audit } }
        set { change { $0.source = newValue } }
    }

    public var date: Date? {
        get {
            switch storage {
            case .event(let event): event.date
            case .fields(let box): box.fields.date
            }
        }
        set { change { $0.date = newValue } }
    }

    /// What happened: "activate", "deactivate", or the audit activity.
    public var activity: String {
        get {
            switch storage {
            case .event(let event): event.activity
            case .fields(let box): box.fields.activity
            }
        }
        set { change { $0.activity = newValue } }
    }

    public var targetName: String {
        get {
            switch storage {
            case .event(let event): event.targetName ?? ""
            case .fields(let box): box.fields.targetName
            }
        }
        set { change { $0.targetName = newValue } }
    }

    /// Request status or audit result.
    public var result: String {
        get {
            switch storage {
            case .event(let event): event.result
            case .fields(let box): box.fields.result
            }
        }
        set { change { $0.result = newValue } }
    }

    public var actor: String? {
        get {
            switch storage {
            case .event(let event): event.initiatedBy?.label
            case .fields(let box): box.fields.actor
            }
        }
        set { change { $0.actor = newValue } }
    }

    public var justification: String? {
        get {
            switch storage {
            case .event(let event): event.resultReason
            case .fields(let box): box.fields.justification
            }
        }
        set { change { $0.justification = newValue } }
    }

    public var ticket: TicketInfo? {
        get { if case .fields(let box) = storage { box.fields.ticket } else { nil } }
        set { change { $0.ticket = newValue } }
    }

    public var requestId: String? {
        get {
            switch storage {
            case .event(let event): event.requestId
            case .fields(let box): box.fields.requestId
            }
        }
        set { change { $0.requestId = newValue } }
    }

    public init(id: String, source: Source, date: Date?, activity: String, targetName: String, result: String,
                actor: String? = nil, justification: String? = nil, ticket: TicketInfo? = nil, requestId: String? = nil) {
        storage = .fields(FieldsBox(Fields(prefix: .none, key: id, source: source, date: date, activity: activity,
                                           targetName: targetName, result: result, actor: actor,
                                           justification: justification, ticket: ticket, requestId: requestId)))
    }

    public init(request: ElevationRequest) {
        storage = .fields(FieldsBox(Fields(prefix: .request, key: request.id, source: .request, date: request.createdAt,
                                           activity: request.action.verb, targetName: request.target.displayName,
                                           result: request.status.graphValue, actor: request.principal.label,
                                           justification: request.justification, ticket: request.ticket,
                                           requestId: request.id)))
    }

    public init(event: AuditEvent) {
        storage = .event(event)
    }

    public static func == (a: HistoryRow, b: HistoryRow) -> Bool {
        a.id == b.id && a.source == b.source && a.date == b.date && a.activity == b.activity
            && a.targetName == b.targetName && a.result == b.result && a.actor == b.actor
            && a.justification == b.justification && a.ticket == b.ticket && a.requestId == b.requestId
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(source)
        hasher.combine(date)
        hasher.combine(activity)
        hasher.combine(targetName)
        hasher.combine(result)
        hasher.combine(actor)
        hasher.combine(justification)
        hasher.combine(ticket)
        hasher.combine(requestId)
    }

    /// My requests and the audit events, newest first; undated rows last. Each request shows once:
    /// an event that is only a listed request told as an event (what the service gives for "my
    /// history" without audit rights) is dropped; directory-audit records about it (approval,
    /// completion, expiry) have their own ids and stay.
    ///
    /// Orders positions rather than rows, and makes each row once, in its place: with 10,000
    /// events, copies of the rows while sorting would cost more than the rows themselves.
    public static func merge(requests: [ElevationRequest], events: [AuditEvent]) -> [HistoryRow] {
        let listed = requests.filter { !$0.isValidationOnly }
        let byId = Dictionary(listed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var news: [Int] = []
        news.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            if let requestId = event.requestId, let request = byId[requestId], restates(event, request) { continue }
            news.append(index)
        }
        // Positions 0..<listed.count are the requests, the rest the events kept, in that order.
        var dates: [Date?] = listed.map(\.createdAt)
        dates.reserveCapacity(listed.count + news.count)
        for index in news { dates.append(events[index].date) }
        let order = dates.indices.sorted { a, b in
            switch (dates[a], dates[b]) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
        return order.map { n in
            n < listed.count ? HistoryRow(request: listed[n]) : HistoryRow(event: events[news[n - listed.count]])
        }
    }

    /// True when `event` is the request itself: it carries the request's id as its own id.
    static func restates(_ event: AuditEvent, _ request: ElevationRequest) -> Bool {
        event.id == request.id
    }
}
