import Foundation

/// glibc's malloc gives a thread that allocates while another holds an arena an arena of its own,
/// up to eight per core. Memory freed in one arena is not reused by another, so a 50,000-row load
/// decoded on one thread and applied on another ended about 10 MB higher in one start of two
/// (pim-bench's replayed probe: 85.5 or 95.3 MB with the default, the same split with two arenas,
/// 85.3-85.8 MB with one). pim's threads rarely allocate at the same moment, so one arena costs
/// little waiting. `MALLOC_ARENA_MAX` in the environment still wins.
enum MallocArenas {
    static let limit: Int32 = 1

    static func limitUnlessConfigured(environment: [String: String]) {
        guard environment["MALLOC_ARENA_MAX"] == nil else { return }
        // `mallopt` and `M_ARENA_MAX` (-8) are not imported into Swift: look the function up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, limit)
    }
}
