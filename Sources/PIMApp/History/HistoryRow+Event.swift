import PIMDomain

extension HistoryRow.Fields {
    /// The columns an audit event shows: the one mapping from an event to a row.
    init(event: AuditEvent) {
        let event = event.storage.fields
        self.init(rowID: HistoryRow.RowID(prefix: .audit, key: event.id), source: .audit, activity: event.activity,
                  targetName: event.targetName ?? "", result: event.result, actor: event.initiatedBy?.label,
                  justification: event.resultReason, requestId: event.requestId, ticket: nil, date: event.date)
    }
}
