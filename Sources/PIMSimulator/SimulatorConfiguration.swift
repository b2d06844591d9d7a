import Foundation

/// How the simulated tenant runs: where its state lives, who is signed in, and the knobs tests and
/// benchmarks turn (latency, faults, size, page size, clock).
public struct SimulatorConfiguration: Sendable {
    /// The JSON state file; nil keeps the tenant in memory (tests).
    public var stateFile: URL?
    /// Short name of the persona to act as (`ada`).
    public var persona: String
    /// Added latency per HTTP exchange (a `$batch` counts as one).
    public var latencyMilliseconds: Int
    public var faults: FaultPlan
    /// Seed of the fault draws; the same seed gives the same faults for the same requests.
    public var seed: UInt64
    /// Extra eligibilities for the main persona and extra audit events (`PIM_SIM_SCALE`).
    public var scale: Int
    /// Items per page of a collection before `@odata.nextLink`.
    public var pageSize: Int
    /// The tenant's clock. Seeds, expiry and approvals all read it.
    public var now: @Sendable () -> Date
    /// Where the tenant reports what a user should know (a corrupt state file moved aside).
    public var report: @Sendable (String) -> Void

    public static let defaultPersona = "ada"

    public init(
        stateFile: URL? = nil, persona: String = SimulatorConfiguration.defaultPersona, latencyMilliseconds: Int = 0,
        faults: FaultPlan = FaultPlan(), seed: UInt64 = 1, scale: Int = 0, pageSize: Int = 50,
        now: @escaping @Sendable () -> Date = { Date() },
        report: @escaping @Sendable (String) -> Void = SimulatorConfiguration.reportToStandardError
    ) {
        self.stateFile = stateFile
        self.persona = persona
        self.latencyMilliseconds = latencyMilliseconds
        self.faults = faults
        self.seed = seed
        self.scale = scale
        self.pageSize = pageSize
        self.now = now
        self.report = report
    }

    public static let reportToStandardError: @Sendable (String) -> Void = { message in
        // write(2), not FileHandle.write: a closed stderr fails the write instead of trapping.
        _ = (message + "\n").withCString { write(STDERR_FILENO, $0, strlen($0)) }
    }

    /// `$XDG_STATE_HOME/pim/demo-tenant.json` (XDG default `~/.local/state`).
    public static func defaultStateFile(_ env: [String: String]) -> URL {
        let base: URL
        if let xdg = env["XDG_STATE_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(
                ".local/state", isDirectory: true)
        }
        return base.appendingPathComponent("pim", isDirectory: true).appendingPathComponent("demo-tenant.json")
    }

    /// Reads `PIM_DEMO_PERSONA`, `PIM_SIM_LATENCY_MS`, `PIM_SIM_FAULTS`, `PIM_SIM_SEED`, `PIM_SIM_SCALE`,
    /// `PIM_SIM_PAGE_SIZE`, `PIM_SIM_STATE` (a state file path, or `memory`) and `XDG_STATE_HOME`.
    public static func fromEnvironment(_ env: [String: String]) throws -> SimulatorConfiguration {
        var config = SimulatorConfiguration(stateFile: defaultStateFile(env))
        if let state = env["PIM_SIM_STATE"], !state.isEmpty {
            config.stateFile = state == "memory" ? nil : URL(fileURLWithPath: state)
        }
        if let persona = env["PIM_DEMO_PERSONA"], !persona.isEmpty {
            config.persona = try SimulatedTenant.persona(named: persona).id
        }
        config.latencyMilliseconds = try integer(env, "PIM_SIM_LATENCY_MS", default: 0, range: 0...600_000)
        config.scale = try integer(env, "PIM_SIM_SCALE", default: 0, range: 0...1_000_000)
        config.pageSize = try integer(env, "PIM_SIM_PAGE_SIZE", default: 50, range: 1...999)
        if let seed = env["PIM_SIM_SEED"], !seed.isEmpty {
            guard let value = UInt64(seed) else {
                throw SimulatorError.invalidSetting("PIM_SIM_SEED is \"\(seed)\"; set it to a whole number such as 42.")
            }
            config.seed = value
        }
        if let faults = env["PIM_SIM_FAULTS"], !faults.isEmpty {
            config.faults = try FaultPlan(parsing: faults)
        }
        return config
    }

    private static func integer(
        _ env: [String: String], _ name: String, default value: Int, range: ClosedRange<Int>
    ) throws -> Int {
        guard let text = env[name], !text.isEmpty else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw SimulatorError.invalidSetting(
                "\(name) is \"\(text)\"; set it to a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return n
    }
}

/// Why the simulated tenant could not start, as a sentence naming the fix.
public enum SimulatorError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownPersona(String, valid: [String])
    case invalidSetting(String)
    case stateFile(String)

    public var description: String {
        switch self {
        case let .unknownPersona(name, valid):
            return
                """
                There is no demo persona \"\(name)\"; use one of: \(valid.joined(separator: ", ")) (see `pim demo \
                personas`).
                """
        case let .invalidSetting(message), let .stateFile(message):
            return message
        }
    }
}
