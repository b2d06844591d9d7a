import PIMDomain

/// The columns each source shows: the one mapping from an event, and from a request, to a row.
extension HistoryRow.Fields {
    init(event: AuditEvent) {
        let event = event.storage.fields
        self.init(
            rowID: HistoryRow.RowID(prefix: .audit, key: event.id), source: .audit, activity: event.activity,
            targetName: event.targetName ?? "", result: event.result, actor: event.initiatedBy?.label,
            justification: event.resultReason, requestId: event.requestId, ticket: nil, date: event.date,
            review: event.review)
    }

    init(request: ElevationRequest) {
        self.init(
            rowID: HistoryRow.RowID(prefix: .request, key: request.id), source: .request,
            activity: request.action.verb, targetName: request.target.interfaceName,
            result: request.status.graphValue, actor: request.principal.label,
            justification: request.justification, requestId: request.id, ticket: request.ticket,
            date: request.createdAt, review: request.review)
    }
}
