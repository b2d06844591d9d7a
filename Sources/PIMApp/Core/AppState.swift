import Foundation
import PIMDomain

/// The whole state of the full-screen interface. A value: `update` changes it, `render` draws it,
/// tests compare it. Time is `now`, set only by `.tick`.
public struct AppState: Hashable, Sendable {
    /// How far ahead an expiry warning has gone for one elevation.
    public enum ExpiryWarning: Int, Hashable, Sendable, Comparable {
        case tenMinutes = 1, twoMinutes = 2
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public var config: AppConfig
    public var now: Date
    public var width: Int
    public var height: Int
    public var pane: Pane = .myRoles

    // Data from the last successful refresh.
    public var me: Principal?
    // Each pane's folded search text is rebuilt whenever its rows are replaced (once per refresh),
    // so it always matches the rows and no keystroke waits for it.
    public var roles: [RoleEntry] = [] { didSet { rebuildSearchKeys(.myRoles) } }
    public var approvals: [ApprovalItem] = [] { didSet { rebuildSearchKeys(.approvals) } }
    public var history: [HistoryRow] = [] { didSet { rebuildSearchKeys(.history) } }
    public var elevations: [ActiveAssignment] = [] { didSet { rebuildSearchKeys(.elevations) } }
    /// Pane 5: each review's header row followed by its decisions (`AccessReviewQueue`'s order).
    public var reviews: [ReviewRow] = [] { didSet { rebuildSearchKeys(.reviews) } }
    /// The access reviews follow the last dashboard (`Effect.loadFollowingAccessReviews`): until they
    /// arrive, pane 5 keeps the rows it had (none on a first start) and says they are being read.
    public var accessReviewsLoading = false
    /// What the History pane lists: its rows, or (`m`) the requests I decided.
    public var historyMode: HistoryMode = .all
    /// The requests I approved or denied, newest decision first: read when `m` opens the view, not on
    /// every refresh (it costs a read of each decided request's approval).
    public var myDecisions: [ElevationRequest] = [] { didSet { rebuildSearchKeys(.history) } }
    public var isLoadingDecisions = false
    /// Who decided my requests, by request id: read after a dashboard is shown (`Effect.loadReviews`),
    /// since the dashboard's requests come without it, and kept across refreshes (a decision never changes).
    public var knownReviews: [String: Review] = [:]
    public var isLoadingReviews = false
    public var hasLoaded = false

    public var lists: [Pane: ListState] = Dictionary(uniqueKeysWithValues: Pane.allCases.map { ($0, ListState()) })
    /// Folded search text per row, derived from the rows above, so `/` stays fast on long tables.
    var searchKeys = SearchKeys()

    public var form: ActivationForm?
    /// Drafts kept when a form is closed with `Esc` or refused, per set of targets.
    public var drafts: [Set<TargetID>: ActivationDraft] = [:]
    /// Why a send finished refused after its form was closed: shown when the form is opened again,
    /// beside the kept draft (the status line's message is gone by then).
    public var refusalsWhileClosed: [TargetID: String] = [:]
    public var dialog: ApprovalDialog?
    /// Justifications typed in a decision dialog that was closed unsent, per set of requests.
    public var decisionDrafts: [Set<String>: String] = [:]
    /// The access review decision dialog (`a`, `d`, `x` in Reviews).
    public var reviewDialog: ReviewDialog?
    /// Names of targets whose drafts an earlier start kept, until the rows are loaded.
    var keptNames: [TargetID: String] = [:]
    public var showHelp = false
    /// The page of `?` shown when the keys need more than one screen; the view wraps it around.
    public var helpPage = 0
    /// The role set `@` marked last; the next `@` marks the set after it.
    public var markedRoleSet: String?
    /// Between the terminal's bracketed-paste markers: keys are text, not commands.
    public var pasting = false
    /// `q` was pressed while a form holds unsent text.
    public var confirmingQuit = false
    /// `d` or `c` waits for y/N: what would be ended.
    public var confirmation: Confirmation?

    // Refresh bookkeeping and the status line.
    public var isLoading = false
    /// A refresh was asked for while one was running: run another when it ends.
    public var refreshQueued = false
    public var lastRefresh: Date?
    public var lastLoadStarted: Date?
    /// The last failure, as the interface words it; the parts let the status line keep the step whole.
    public var failure: ErrorSentence?
    /// The last failure's text (set from a plain text, it has no separate step).
    public var lastError: String? {
        get { failure?.text }
        set { failure = newValue.map { ErrorSentence(event: $0, step: "") } }
    }
    public var sectionFailures: [DashboardSection: PIMError] = [:]
    /// Why Azure roles are missing (`Dashboard.azureUnavailable`) was said this run: it is said once.
    public var azureUnavailableSaid = false
    public var flash: Flash?
    /// Targets with an operation in flight (deactivate, cancel), with a word for the State column.
    public var busy: [TargetID: String] = [:]
    public var expiryWarnings: [String: ExpiryWarning] = [:]
    /// The elevation the last expiry warning was about: `e` extends it from any pane.
    public var warnedTarget: TargetID?
    /// Requests waiting for my approval at the last refresh that read them (nil before the first):
    /// one not among them is new and notified.
    public var approvalsSeen: Set<String>?
    /// My requests that waited for a person's decision at the last refresh that read them (nil
    /// before the first): one of them decided since is notified.
    public var myRequestsAwaitingDecision: Set<String>?

    public init(config: AppConfig = AppConfig(), now: Date, width: Int = 80, height: Int = 24) {
        self.config = config
        self.now = now
        self.width = width
        self.height = height
    }

    /// Rows of the table body at the current height.
    public var pageRows: Int { Layout.tableRows(height: height) }

    public func list(_ pane: Pane) -> ListState { lists[pane] ?? ListState() }

    public var currentList: ListState {
        get { list(pane) }
        set { lists[pane] = newValue }
    }

    /// The number of rows of `pane` (before filtering), for the tab counts.
    public func rowCount(_ pane: Pane) -> Int {
        switch pane {
        case .myRoles: roles.count
        case .approvals: approvals.count
        case .history: historyMode == .myDecisions ? myDecisions.count : history.count
        case .elevations: elevations.count
        case .reviews: reviews.count
        }
    }

    /// The selected row of My roles, if that pane has rows.
    public var selectedRole: RoleEntry? { selectedIndex(.myRoles).map { roles[$0] } }
    public var selectedApproval: ApprovalItem? { selectedIndex(.approvals).map { approvals[$0] } }
    public var selectedHistory: HistoryRow? {
        historyMode == .all ? selectedIndex(.history).map { history[$0] } : nil
    }
    /// The selected request of the my-decisions view.
    public var selectedDecision: ElevationRequest? {
        historyMode == .myDecisions ? selectedIndex(.history).map { myDecisions[$0] } : nil
    }
    public var selectedElevation: ActiveAssignment? { selectedIndex(.elevations).map { elevations[$0] } }

    /// Index into the pane's rows of the selected visible row.
    public func selectedIndex(_ pane: Pane) -> Int? {
        let list = list(pane)
        guard list.visible.indices.contains(list.selection) else { return nil }
        return list.visible[list.selection]
    }

    /// Some form (open, or closed with its draft kept) holds text that was never sent: quitting
    /// would lose it, so `q` asks first.
    public var hasUnsentText: Bool {
        if let form, !form.isDone, form.draft.hasUnsentText { return true }
        if drafts.values.contains(where: \.hasUnsentText) { return true }
        if let dialog, !dialog.justification.text.isEmpty { return true }
        if decisionDrafts.values.contains(where: { !$0.isEmpty }) { return true }
        if let reviewDialog, !reviewDialog.justification.text.isEmpty { return true }
        return false
    }

    /// Roles of mine the user marked with Space, in table order.
    public var markedRoles: [RoleEntry] {
        let marked = list(.myRoles).marked
        guard !marked.isEmpty else { return [] }
        return roles.filter { marked.contains($0.rowID) }
    }

    public var markedApprovals: [ApprovalItem] {
        let marked = list(.approvals).marked
        guard !marked.isEmpty else { return [] }
        return approvals.filter { marked.contains($0.id) }
    }
}

/// A step that ends something the user waited for, asked about before it is sent.
public enum Confirmation: Hashable, Sendable {
    /// Deactivate a running activation of mine.
    case deactivate(ActiveAssignment)
    /// Cancel my request that waits for approval.
    case cancel(ElevationRequest)
    /// Record the service's recommendation on a review's decisions that wait for me.
    case acceptRecommendations(AccessReviewQueue.Group)
}

extension RoleEntry {
    /// The id of this row in its list (marks and selection survive refreshes by it).
    public var rowID: String { target.id.description }
}
