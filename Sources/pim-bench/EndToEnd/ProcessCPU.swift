import Foundation

/// Another process's CPU time, from `/proc/PID/stat` (user + system time of all its threads).
enum ProcessCPU {
    /// Seconds of CPU the process has used so far; nil when it is gone or there is no procfs.
    static func seconds(of pid: pid_t) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        return seconds(stat: text, ticksPerSecond: Double(sysconf(Int32(_SC_CLK_TCK))))
    }

    /// utime + stime of a `stat` line. The command name in brackets may hold spaces and brackets,
    /// so the fields are counted after its last `)`: state is field 3, utime 14 and stime 15.
    static func seconds(stat: String, ticksPerSecond: Double) -> Double? {
        guard let close = stat.lastIndex(of: ")"), ticksPerSecond > 0 else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / ticksPerSecond
    }
}
