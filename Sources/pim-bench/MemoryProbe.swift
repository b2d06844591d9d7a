import Foundation
import PIMApp
import PIMScreen

/// Peak resident memory of a process that holds `rows` eligibilities and the tenant's audit log
/// (about as many events) in the interface's state. Runs in a child process so nothing else the
/// benchmark did counts; the child prints one line the parent reads.
enum MemoryProbe {
    struct Figures {
        var peakKB: Int
        var residentKB: Int
        var roles: Int
        var history: Int
    }

    /// In the child: loads, renders one frame, reports.
    static func runChild(rows: Int) async throws {
        let state = try await InterfaceBench.loadedState(rows: rows, auditLog: true)
        let screen = render(state)
        let peak = Measure.procStatusKB("VmHWM") ?? -1
        let resident = Measure.procStatusKB("VmRSS") ?? -1
        print("probe \(peak) \(resident) \(state.rowCount(.myRoles)) \(state.rowCount(.history)) \(screen.cells.count)")
    }

    /// In the parent: runs this executable with `--memory-probe`.
    static func measure(rows: Int) throws -> Figures {
        let output = try Spawn.run(executable: Spawn.selfPath, arguments: ["--memory-probe", "--rows", String(rows)],
                                   environment: ProcessInfo.processInfo.environment, captureOutput: true).output
        let fields = output.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 5, fields[0] == "probe", let peak = Int(fields[1]), let resident = Int(fields[2]),
              let roles = Int(fields[3]), let history = Int(fields[4]) else {
            throw BenchError("The memory probe printed \"\(output)\"; run pim-bench --memory-probe to see why.")
        }
        return Figures(peakKB: peak, residentKB: resident, roles: roles, history: history)
    }
}
