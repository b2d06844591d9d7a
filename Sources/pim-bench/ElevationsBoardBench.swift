import Foundation
import PIMApp
import PIMDomain
import PIMScreen
import PIMSimulator

/// Frame and countdown-tick costs of pane 4 (Elevations) holding a tenant-wide board of `rows` active
/// elevations, as the helpdesk persona (Hana, Global Reader) sees it. The board's state is built as the
/// app builds it: the dashboard is loaded through the Graph and ARM clients from the simulated tenant
/// signed in as Hana, its tenant-wide elevations (directory roles, groups, Azure roles) are repeated
/// with their own ids, people and end times up to `rows`, and the result is applied with
/// `update(.dashboardLoaded)` (sorting soonest end first, folding the filter text) before `4` shows it.
struct ElevationsBoardBench {
    struct Result {
        var rows: Int
        var frame: [Double]
        var frameCPU: [Double]
        var tick: [Double]
        var tickCPU: [Double]
        var keystroke: [Double]
        var keystrokeCPU: [Double]
        /// `update(.dashboardLoaded)` with the board.
        var apply: Double
    }

    static let persona = "hana"

    func run(rows: Int, frames: Int) async throws -> Result {
        let tenant = try SimulatedTenant(
            configuration: SimulatorConfiguration(stateFile: nil, persona: Self.persona, report: { _ in }))
        var dashboard = try await DashboardBench.makeService(tenant).graph.loadDashboard(.everything)
        guard dashboard.failures[.elevations] == nil, !dashboard.elevations.isEmpty else {
            throw BenchError("The simulated tenant showed \(Self.persona) no elevations to build the board from.")
        }
        dashboard.elevations = Self.board(rows: rows, from: dashboard.elevations, now: tenant.now)
        var state = AppState(now: tenant.now, width: InterfaceBench.width, height: InterfaceBench.height)
        _ = update(&state, .start)
        let apply = Measure.milliseconds { _ = update(&state, .dashboardLoaded(.success(dashboard))) }
        _ = update(&state, .key("4"))
        guard state.pane == .elevations, state.rowCount(.elevations) == rows else {
            throw BenchError("The Elevations pane holds \(state.rowCount(.elevations)) rows, not \(rows).")
        }
        var steps = InterfaceSteps()
        let frame = steps.frames(&state, count: frames)
        let tick = steps.ticks(&state, count: min(frames, 200))
        _ = update(&state, .key("/"))
        let keystroke = steps.filterKeys(&state, count: min(frames, 500))
        if steps.sink == 42 { print("") }  // keeps the renders observable
        return Result(
            rows: state.rowCount(.elevations), frame: frame.wall, frameCPU: frame.cpu, tick: tick.wall,
            tickCPU: tick.cpu, keystroke: keystroke.wall, keystrokeCPU: keystroke.cpu, apply: apply)
    }

    /// `rows` elevations made from the tenant's own: each keeps its model's target (role, group or Azure
    /// role at its scope) and kind, with its own id, person and end (spread over the next eight hours, a
    /// few permanent), so sorting, countdowns and the filter see a board of distinct rows.
    static func board(rows: Int, from models: [ActiveAssignment], now: Date) -> [ActiveAssignment] {
        (0..<rows).map { n in
            var row = models[n % models.count]
            row.id = "board-\(n)-" + row.id
            row.principal = Principal(
                id: "board-user-\(n)", displayName: "Board User \(n)", userPrincipalName: "board.user\(n)@contoso.com")
            row.start = now.addingTimeInterval(-Double(n % 3_600))
            let permanent = n % 97 == 0
            row.end = permanent ? nil : now.addingTimeInterval(Double(60 + (n * 1_439) % (8 * 3_600)))
            row.assignmentType = permanent ? .assigned : .activated
            return row
        }
    }
}
