import Foundation
import PIMAppFixtures
import PIMApp
import PIMDomain
import PIMScreen
@_spi(Fuzzing) import PIMTerminal

extension FuzzTarget {
    /// Key input as the terminal delivers it, driven through the whole interface. The input is a
    /// program of events, one opcode byte each:
    /// - below 0xF0: a character or control code from `wget_wch` (status OK);
    /// - 0xF0–0xF7: a function key (status KEY_CODE_YES), code from the next byte;
    /// - 0xF8 / 0xF9: a raw 32-bit code from the next four bytes, status OK / KEY_CODE_YES;
    /// - 0xFA: the clock moves on by the next byte × 10 s;
    /// - 0xFB: a resize to the next two bytes (width, height; zero included);
    /// - 0xFC: the dashboard is reloaded with the next length-prefixed bytes as hostile text
    ///   (a role name, a requester's name and justification, an error message);
    /// - 0xFD–0xFF: a mouse event.
    /// Invariants: decoding never traps, `update` and `render` never trap, and every cell of every
    /// rendered screen is inert (no control, escape, bidi or zero-width character reaches the terminal).
    static func keys(_ data: Data) {
        let bytes = [UInt8](data)
        var state = loadedState
        var clock = Fixture.now
        var index = 0
        var events = 0
        // After an ESC, characters go through the escape-sequence reader as the backend sends them.
        var sequence: EscapeSequence?
        func character(_ code: UInt32) {
            guard var reading = sequence else {
                if code == 27 {
                    sequence = EscapeSequence()
                } else {
                    apply(KeyDecoder.decode(status: KeyDecoder.statusOK, code: code), to: &state)
                }
                return
            }
            let step = reading.feed(code)
            sequence = step == .more ? reading : nil
            switch step {
            case .more, .dropped: break
            case .escapeThen(let next), .droppedBefore(let next):
                if case .escapeThen = step { apply(.key(.escape), to: &state) }
                character(next)
            case .mouse(.press(let x, let y)):
                _ = update(&state, .click(x % 2 == 0 ? .row(y) : .pane(Pane.allCases[y % Pane.allCases.count])))
            case .mouse(.wheel(let notches)): _ = update(&state, .wheel(notches))
            case .mouse(.other): break
            }
        }
        func next() -> UInt8 {
            defer { index += 1 }
            return index < bytes.count ? bytes[index] : 0
        }
        while index < bytes.count {
            let opcode = next()
            switch opcode {
            case 0..<0xF0:
                character(UInt32(opcode))
            case 0xF0...0xF7:
                let code = KeyDecoder.firstFunctionKeyCode + Int32(next()) + Int32(opcode - 0xF0) * 256
                apply(
                    KeyDecoder.decode(status: KeyDecoder.statusFunctionKey, code: UInt32(bitPattern: code)), to: &state)
            case 0xF8, 0xF9:
                let code = (0..<4).reduce(UInt32(0)) { value, _ in value << 8 | UInt32(next()) }
                if opcode == 0xF8 {
                    character(code)
                } else {
                    apply(KeyDecoder.decode(status: KeyDecoder.statusFunctionKey, code: code), to: &state)
                }
            case 0xFA:
                clock = clock.addingTimeInterval(Double(next()) * 10)
                _ = update(&state, .tick(clock))
            case 0xFB:
                let width = Int(next()), height = Int(next())
                _ = update(&state, .resize(width: width, height: height))
            case 0xFC:
                let length = Int(next())
                let end = min(bytes.count, index + length)
                let text = String(decoding: bytes[min(index, end)..<end], as: UTF8.self)
                index = end
                _ = update(&state, .dashboardLoaded(.success(hostileDashboard(text))))
            default:
                apply(.mouse, to: &state)
            }
            events += 1
            if events % 8 == 0 { checkInert(render(state)) }
        }
        checkInert(render(state))
    }

    /// The fixture tenant loaded once; each input starts from a copy.
    private static let loadedState = Fixture.loaded(width: 80, height: 24)

    private static func apply(_ event: TerminalEvent?, to state: inout AppState) {
        guard let event else { return }
        switch event {
        case .key(let key): _ = update(&state, .key(key))
        case .resize: _ = update(&state, .resize(width: state.width, height: state.height))
        case .mouse: _ = update(&state, .click(.pane(.myRoles)))
        }
    }

    /// The fixture tenant with `text` wherever the service supplies words.
    private static func hostileDashboard(_ text: String) -> Dashboard {
        var dashboard = Fixture.dashboard
        if !dashboard.eligibilities.isEmpty { dashboard.eligibilities[0].target.displayName = text }
        if !dashboard.approvals.isEmpty {
            dashboard.approvals[0].request.justification = text
            dashboard.approvals[0].request.principal.displayName = text
        }
        dashboard.failures[.history] = PIMError(.service, text)
        return dashboard
    }

    private static func checkInert(_ screen: Screen) {
        for cell in screen.cells {
            for scalar in cell.text.unicodeScalars {
                precondition(
                    isInert(scalar), "a rendered cell holds U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
        }
    }
}
