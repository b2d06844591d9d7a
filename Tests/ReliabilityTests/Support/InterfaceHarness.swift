import Foundation
import PIMApp
import PIMDomain
import PIMGraph
@testable import PIMScreen
import PIMSimulator

/// The full-screen interface as `pim --demo` builds it — `AppState`, the pure `update`, the `Runtime`
/// actor, a real `GraphPIMService` — over the simulated tenant with faults switched on and off.
/// `overHTTP` puts the tenant behind a local HTTP server and the client on `CurlTransport`, for
/// faults that only exist on the wire. Retry waits run on a `ManualClock`, so nothing sleeps; only
/// the wire's own timeouts (one second) take real time.
struct InterfaceHarness {
    static let width = 80
    static let height = 24
    static let requestTimeout = 1.0

    let clock = ManualClock()
    let tenant: TenantSwitch
    let proxy: TenantProxy?
    let service: GraphPIMService
    let runtime: Runtime

    init(overHTTP: Bool = false, pageSize: Int = 50, retry: RetryPolicy = .standard) throws {
        tenant = try TenantSwitch(clock: clock, pageSize: pageSize)
        let transport: any Transport
        let baseURL: URL
        if overHTTP {
            let proxy = try TenantProxy(upstream: tenant)
            self.proxy = proxy
            transport = CurlTransport()
            baseURL = proxy.baseURL
        } else {
            proxy = nil
            transport = tenant
            baseURL = URL(string: "https://graph.microsoft.com")!
        }
        service = GraphPIMService(
            configuration: GraphConfiguration(
                baseURL: baseURL, retryPolicy: retry,
                requestTimeout: Self.requestTimeout),
            transport: transport, tokens: tenant.clean.signIn(), clock: clock)
        let state = AppState(
            config: AppConfig(tenantLabel: "contoso.com (demo)"), now: clock.now(),
            width: Self.width, height: Self.height)
        runtime = Runtime(state: state, service: service)
    }

    func stop() async {
        await runtime.finish()
        proxy?.stop()
        tenant.stop()
    }

    // MARK: Driving it as a user

    /// The interface opens and loads its first data.
    func start() async {
        await runtime.send(.start)
        await runtime.runUntilIdle()
    }

    /// Keys in order, then waits for every service call they started (and the refresh after it).
    func press(_ keys: [Key]) async {
        for key in keys { await runtime.send(.key(key)) }
        await runtime.runUntilIdle()
    }

    func press(_ keys: Key...) async { await press(keys) }

    static func text(_ text: String) -> [Key] { text.map { .character($0) } }

    /// The clock of the interface moves on (flash messages expire, countdowns follow).
    func tick(_ seconds: Double) async {
        let now = await runtime.state.now.addingTimeInterval(seconds)
        await runtime.send(.tick(now))
        await runtime.runUntilIdle()
    }

    /// Selects the row of My roles named `name` as a click would.
    func select(_ name: String) async throws {
        let state = await runtime.state
        let list = state.list(.myRoles)
        guard let row = list.visible.firstIndex(where: { state.roles[$0].target.displayName == name }) else {
            throw PIMError(.notFound, "No row \(name) in My roles: \(state.roles.map(\.target.displayName))")
        }
        await runtime.send(.click(.row(row)))
    }

    /// Opens the activation form on `name` and types the whole draft, ending on the duration field.
    func fillForm(on name: String, _ draft: Draft) async throws {
        try await select(name)
        await press(
            ["a"] + Self.text(draft.justification) + [.tab] + Self.text(draft.ticket) + [.tab]
                + Self.text(draft.system) + [.tab, .control("u")] + Self.text(draft.duration))
    }

    /// What a user types into the form.
    struct Draft {
        var justification = "INC-7311: mailbox migration stuck"
        var ticket = "INC-7311"
        var system = "ServiceNow"
        var duration = "2h"
    }

    static let exchange = "Exchange Administrator"

    // MARK: What the user sees

    var state: AppState { get async { await runtime.state } }

    /// Every row of the terminal as text.
    func screen() async -> [String] {
        render(await runtime.state, width: Self.width, height: Self.height).lines()
    }

    /// The status area as one line: the message row(s) and the bottom row, which holds the key hints
    /// or, for an error too long for one row, the rest of the message (a third row above it when
    /// even two are not enough).
    func messageLine() async -> String {
        let state = await runtime.state
        let rows = await screen()
        let count = max(2, StatusLine.rowsWanted(state, width: Self.width))
        return rows[(Self.height - count)...].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// The screen as one line of words, wrapped sentences joined again. With a form open, only what
    /// is inside its box (the table shows around it).
    func screenText() async -> String {
        var rows = await screen()
        if await runtime.state.form != nil {
            rows = rows.compactMap { row in
                guard let first = row.firstIndex(of: "│"), let last = row.lastIndex(of: "│"), first < last else {
                    return nil
                }
                return String(row[row.index(after: first)..<last])
            }
        }
        return rows.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The message the status line holds (the flash, else the last error); the line shows as much
    /// of it as fits.
    func statusMessage() async -> String? {
        let state = await runtime.state
        return state.flash?.text ?? state.lastError
    }

    /// The draft the form holds, or the one kept for `name` when the form is closed.
    func keptDraft(for name: String) async -> ActivationDraft? {
        let state = await runtime.state
        if let form = state.form, form.targets.map(\.displayName) == [name] { return form.draft }
        guard let target = state.roles.first(where: { $0.target.displayName == name })?.target else { return nil }
        return state.drafts[[target.id]]
    }
}

extension InterfaceHarness.Draft {
    /// True when `draft` holds everything that was typed.
    func isKept(in draft: ActivationDraft?) -> Bool {
        draft?.justification == justification && draft?.ticketNumber == ticket && draft?.ticketSystem == system
            && draft?.durationText == duration
    }
}

extension InterfaceHarness {
    /// Refreshes (`$batch` requests) that reached the tenant.
    var batches: Int { tenant.sent.filter { $0.path.hasSuffix("/$batch") }.count }
    /// `$batch` posts one refresh sends: its reads, access reviews included, exceed Graph's 20 a batch.
    static let chunksPerRefresh = 2

    /// Lookups among my role requests (what pim does before it sends an activation again); their
    /// further pages, and the pages a refresh follows, are not counted.
    var lookups: Int {
        tenant.sent.filter {
            $0.method == "GET"
                && $0.path.hasSuffix("roleAssignmentScheduleRequests/filterByCurrentUser(on='principal')")
                && !$0.query.lowercased().contains("skiptoken")
        }.count
    }

    /// The outcome the form shows for `name`.
    func outcome(_ name: String) async -> ActivationForm.Outcome? {
        let state = await runtime.state
        guard let form = state.form, let target = form.targets.first(where: { $0.displayName == name }) else {
            return nil
        }
        return form.outcomes[target.id]
    }

    /// The refusal the form shows for `name` ("" when it shows none).
    func refusal(_ name: String) async -> String {
        if case .refused(let reason)? = await outcome(name) { return reason }
        return ""
    }

    /// The State column of `name` in My roles.
    func rowState(_ name: String) async -> RoleEntry.State? {
        await runtime.state.roles.first { $0.target.displayName == name }?.state
    }

    /// The fault is gone: `Esc` closes the form (its draft is kept), `r` refreshes, and the form
    /// opened again on `name` shows what was typed.
    func recoverAndReopen(_ name: String) async throws {
        tenant.faultsOff()
        if await runtime.state.form != nil { await press(.escape) }
        await tick(2)
        await press("r")
        try await select(name)
        await press("a")
    }
}
