import Foundation

/// Wall-clock timing and the summaries the table prints.
enum Measure {
    /// Monotonic nanoseconds (not affected by clock changes).
    static func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Milliseconds `body` took.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = nanoseconds()
        try body()
        return Double(nanoseconds() - start) / 1_000_000
    }

    static func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
        let start = nanoseconds()
        try await body()
        return Double(nanoseconds() - start) / 1_000_000
    }

    /// CPU time of the calling thread in nanoseconds: what a frame costs, without the time the
    /// scheduler gave other processes on a busy machine.
    static func threadCPUNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Wall and thread-CPU milliseconds of `body`.
    static func both(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let cpu = threadCPUNanoseconds(), wall = nanoseconds()
        body()
        let wallEnd = nanoseconds(), cpuEnd = threadCPUNanoseconds()
        return (Double(wallEnd - wall) / 1_000_000, Double(cpuEnd - cpu) / 1_000_000)
    }

    /// The `q`-quantile (0…1) by the nearest-rank method.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    static func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

    /// A field of `/proc/self/status` in kilobytes (`VmHWM`, `VmRSS`), nil where there is no procfs.
    static func procStatusKB(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).split(whereSeparator: \.isWhitespace).first ?? "")
        }
        return nil
    }
}
