import Foundation
import PIMDomain

/// One line of the History pane: one of my requests, or a PIM audit event.
///
/// The tenant's audit log gives tens of thousands of these. A row made from an audit event keeps
/// only the event (eight bytes, pointing at the record the dashboard holds too) and works out its
/// columns from it when they are read, through `Fields(event:)`; a row made otherwise, or changed,
/// keeps its columns in one `Compact` allocation. Either way the columns are read and written by
/// name as `Fields`, and two rows are equal when their columns are, whatever they were made from.
@dynamicMemberLookup
public struct HistoryRow: Hashable, Sendable, Identifiable {
    public enum Source: String, Hashable, Sendable { case request, audit }

    public struct Fields: Hashable, Sendable {
        var rowID: RowID
        public var source: Source
        /// What happened: "activate", "deactivate", or the audit activity.
        public var activity: String
        public var targetName: String
        /// Request status or audit result.
        public var result: String
        public var actor: String?
        public var justification: String?
        public var requestId: String?
        /// Rarely set: behind a pointer, so an empty one costs eight bytes.
        @Indirect public var ticket: TicketInfo?
        public var date: Date?
        /// Who decided the request and why (a decided request of mine); behind a pointer like `ticket`.
        @Indirect public var review: Review?
    }

    /// Where the columns come from.
    private enum Origin: Sendable {
        case event(AuditEvent)
        case fields(Compact<Fields>)
    }

    private var origin: Origin

    /// The row's columns; setting them gives the row columns of its own.
    public var fields: Fields {
        get {
            switch origin {
            case .event(let event): Fields(event: event)
            case .fields(let own): own.fields
            }
        }
        set { origin = .fields(Compact(newValue)) }
    }

    public subscript<T>(dynamicMember keyPath: WritableKeyPath<Fields, T>) -> T {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }

    /// Declared for `Identifiable`, which a dynamic member cannot satisfy.
    public var id: String {
        get { fields.rowID.text }
        set { fields.rowID = RowID(text: newValue) }
    }

    public init(
        id: String, source: Source, date: Date?, activity: String, targetName: String, result: String,
        actor: String? = nil, justification: String? = nil, ticket: TicketInfo? = nil, requestId: String? = nil
    ) {
        origin = .fields(
            Compact(
                Fields(
                    rowID: RowID(text: id), source: source, activity: activity,
                    targetName: targetName, result: result, actor: actor,
                    justification: justification, requestId: requestId, ticket: ticket,
                    date: date, review: nil)))
    }

    public init(request: ElevationRequest) {
        origin = .fields(Compact(Fields(request: request)))
    }

    public init(event: AuditEvent) {
        origin = .event(event)
    }

    public static func == (a: HistoryRow, b: HistoryRow) -> Bool { a.fields == b.fields }

    public func hash(into hasher: inout Hasher) { fields.hash(into: &hasher) }

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
