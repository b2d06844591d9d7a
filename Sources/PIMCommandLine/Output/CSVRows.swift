import PIMDomain

/// The CSV documents pim writes (`pim history --output csv`), one row an event. Columns follow the
/// JSON keys of the same rows so a script can switch between the two formats.
enum CSVRows {
    static let auditHeader = [
        "date", "kind", "activity", "result", "resultReason", "name", "targetId", "initiatedBy",
        "initiatedByUserPrincipalName", "initiatedById", "requestId", "id", "reviewedBy", "reviewJustification",
        "reviewedDateTime",
    ]

    static func audit(_ events: [AuditEvent]) -> CSV {
        CSV(
            header: auditHeader,
            rows: events.map { event in
                [
                    ISO8601.format(event.date), JSONRows.auditKind(event.category) ?? "", event.activity,
                    event.result, event.resultReason ?? "", event.targetName ?? "", event.targetId ?? "",
                    event.initiatedBy?.displayName ?? "", event.initiatedBy?.userPrincipalName ?? "",
                    event.initiatedBy?.id ?? "", event.requestId ?? "", event.id,
                    event.review?.reviewer?.label ?? "", event.review?.justification ?? "",
                    event.review?.reviewedAt.map(ISO8601.format) ?? "",
                ]
            })
    }
}
