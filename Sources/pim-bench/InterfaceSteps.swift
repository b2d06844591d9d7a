import PIMApp
import PIMScreen

/// Wall-clock and thread CPU times, in milliseconds, of one kind of interface step.
struct StepTimes {
    var wall: [Double] = []
    var cpu: [Double] = []
}

/// The steps the interface figures time on a loaded state, each an update and a render as the full screen
/// does them: frames while the selection walks down the table, one-second ticks, filter keystrokes.
struct InterfaceSteps {
    /// Summed cell counts, so no render can be optimised away.
    private(set) var sink = 0

    /// Frames while the selection walks down the table (and wraps to the top every 500).
    mutating func frames(_ state: inout AppState, count: Int) -> StepTimes {
        var times = StepTimes()
        for n in 0..<count {
            _ = update(&state, .key(n % 500 == 499 ? .home : .down))
            Self.record(&times) { sink &+= render(state).cells.count }
        }
        return times
    }

    /// The one-second tick: countdowns move, the frame is drawn again.
    mutating func ticks(_ state: inout AppState, count: Int) -> StepTimes {
        var times = StepTimes()
        var now = state.now
        for _ in 0..<count {
            now = now.addingTimeInterval(1)
            Self.record(&times) {
                _ = update(&state, .tick(now))
                sink &+= render(state).cells.count
            }
        }
        return times
    }

    /// Keystrokes in an open `/` filter: "admin" typed, then erased, again and again.
    mutating func filterKeys(_ state: inout AppState, count: Int) -> StepTimes {
        var times = StepTimes()
        let typed = InterfaceBench.typed
        for n in 0..<count {
            let key: Key = (n / typed.count) % 2 == 0 ? .character(typed[n % typed.count]) : .backspace
            Self.record(&times) {
                _ = update(&state, .key(key))
                sink &+= render(state).cells.count
            }
        }
        return times
    }

    private static func record(_ times: inout StepTimes, _ step: () -> Void) {
        let (wall, cpu) = Measure.both(step)
        times.wall.append(wall)
        times.cpu.append(cpu)
    }
}
