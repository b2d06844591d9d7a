/// What the History pane lists: my requests and the audit events, or the requests I approved or denied.
public enum HistoryMode: Hashable, Sendable {
    case all, myDecisions
}
