import Foundation
import PIMApp
import PIMDomain
import PIMGraph
import PIMScreen
import PIMSimulator

/// Frame and keystroke costs of the full-screen interface on a state loaded from a large tenant
/// (the rows come through the Graph client, as in `pim --demo`), at 132 × 40.
struct InterfaceBench {
    struct Result {
        var rows: Int
        var frame: [Double]
        var keystroke: [Double]
        /// The first keystroke after a refresh builds the folded search text of every row.
        var firstKeystroke: Double
        var tick: [Double]
    }

    static let width = 132, height = 40
    static let typed: [Character] = Array("admin")

    /// A state with about `rows` rows in My roles (the tenant's seed plus `rows` scale eligibilities)
    /// and, when asked, the tenant's audit log in History.
    static func loadedState(rows: Int, auditLog: Bool) async throws -> AppState {
        let tenant = try SimulatedTenant(configuration: SimulatorConfiguration(stateFile: nil, scale: rows, report: { _ in }))
        let service = DashboardBench.makeService(tenant)
        var dashboard = try await service.loadDashboard(.everything)
        if auditLog {
            dashboard.history += try await service.auditHistory(AuditQuery(tenantWide: true))
        }
        var state = AppState(now: tenant.now, width: width, height: height)
        _ = update(&state, .start)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        return state
    }

    func run(rows: Int, frames: Int) async throws -> Result {
        var state = try await Self.loadedState(rows: rows, auditLog: false)
        var result = Result(rows: state.rowCount(.myRoles), frame: [], keystroke: [], firstKeystroke: 0, tick: [])
        var sink = 0
        // Frames while the selection walks down the table (and wraps to the top).
        for n in 0..<frames {
            _ = update(&state, .key(n % 500 == 499 ? .home : .down))
            result.frame.append(Measure.milliseconds { sink &+= render(state).cells.count })
        }
        // The one-second tick: countdowns move, the frame is drawn again.
        var now = state.now
        for _ in 0..<min(frames, 200) {
            now = now.addingTimeInterval(1)
            result.tick.append(Measure.milliseconds {
                _ = update(&state, .tick(now))
                sink &+= render(state).cells.count
            })
        }
        // Filter keystrokes: "/" then "admin", then erase it, again and again; update and render each.
        _ = update(&state, .key("/"))
        result.firstKeystroke = Measure.milliseconds {
            _ = update(&state, .key(.character(Self.typed[0])))
            sink &+= render(state).cells.count
        }
        _ = update(&state, .key(.backspace))
        var typedCount = 0
        for n in 0..<frames {
            let key: Key
            if (n / Self.typed.count) % 2 == 0 { key = .character(Self.typed[n % Self.typed.count]); typedCount += 1 } else { key = .backspace }
            result.keystroke.append(Measure.milliseconds {
                _ = update(&state, .key(key))
                sink &+= render(state).cells.count
            })
        }
        if sink == 42 { print("") } // keeps the renders observable
        return result
    }
}
