import Foundation
import PIMDomain
import Testing

/// A desktop notification's text, the channel chosen for a terminal, and how each channel carries it.
@Suite struct DesktopNotificationTests {
    static let esc = "\u{1B}"

    /// Everything between the sequence's introducer and its one terminator.
    func payload(_ delivery: NotificationDelivery?, prefix: String) -> String? {
        guard case .terminal(let sequence)? = delivery, sequence.hasPrefix(prefix), sequence.hasSuffix("\(Self.esc)\\")
        else { return nil }
        return String(sequence.dropFirst(prefix.count).dropLast(2))
    }

    @Test(
        "a hostile title or body cannot end or escape the sequence",
        arguments: [
            "Reader\u{1B}\\\u{1B}]52;c;ZXZpbA==\u{7}", "x\u{7}y\u{9C}z\u{9D}0;owned\u{1B}[2J", "one\ntwo\rthree\tfour",
            "\u{1B}P1$r\u{1B}\\ admin\u{202E}exe",
        ])
    func hostileTextStaysInsideTheSequence(hostile: String) throws {
        let note = DesktopNotification(title: "T \(hostile)", body: "B \(hostile)")
        for text in [note.title, note.body] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            #expect(!text.contains("\u{202E}"))
        }
        for (channel, prefix) in [(NotificationChannel.osc777, "\(Self.esc)]777;notify;"), (.osc9, "\(Self.esc)]9;")] {
            let inside = try #require(payload(NotificationDelivery(note, via: channel), prefix: prefix))
            // No ESC (so no ST or new sequence), no BEL, no C1 anywhere inside: the terminator is the only end.
            #expect(!inside.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test func textIsOneLineAndBounded() {
        let note = DesktopNotification(
            title: String(repeating: "t", count: 500), body: "a\nb " + String(repeating: "b", count: 5000))
        #expect(note.title.count == DesktopNotification.titleLimit)
        #expect(note.title.hasSuffix("…"))
        #expect(note.body.count == DesktopNotification.bodyLimit)
        #expect(note.body.hasPrefix("a b "))
    }

    @Test func aTokenTheClientHoldsIsMasked() {
        SecretMask.remember("eyJnotify.secret.token-0123456789")
        let note = DesktopNotification(title: "x", body: "echo eyJnotify.secret.token-0123456789")
        #expect(note.body == "echo \(SecretMask.placeholder)")
    }

    @Test func osc777CarriesTitleAndBodyAsTheirOwnFields() {
        let note = DesktopNotification(title: "Request denied; sorry", body: "Ben denied it: no; ticket.")
        #expect(
            NotificationDelivery(note, via: .osc777)
                == .terminal("\(Self.esc)]777;notify;Request denied, sorry;Ben denied it: no; ticket.\(Self.esc)\\"))
    }

    @Test func osc9JoinsTitleAndBodyAndNeverStartsWithANumber() {
        let note = DesktopNotification(title: "Request approved", body: "Ben approved it.")
        #expect(
            NotificationDelivery(note, via: .osc9)
                == .terminal("\(Self.esc)]9;Request approved: Ben approved it.\(Self.esc)\\"))
        // "OSC 9 ; 4 ; …" is a progress report in some terminals: a message never looks like one.
        let numbered = DesktopNotification(title: "4;3", body: "")
        #expect(NotificationDelivery(numbered, via: .osc9) == .terminal("\(Self.esc)]9;pim: 4;3\(Self.esc)\\"))
    }

    @Test func notifySendGetsArgumentsWithoutOptionsOrMarkupFromTheText() {
        let note = DesktopNotification(title: "--icon=/tmp/x", body: "<a href=\"https://evil.example\">R&D</a>")
        #expect(
            NotificationDelivery(note, via: .notifySend(path: "/usr/bin/notify-send"))
                == .program(
                    path: "/usr/bin/notify-send",
                    arguments: [
                        "--app-name=pim", "--", "--icon=/tmp/x",
                        "\u{2039}a href=\"https://evil.example\"\u{203A}R\u{FF06}D\u{2039}/a\u{203A}",
                    ]))
        #expect(NotificationDelivery(note, via: .none) == nil)
    }

    @Test(
        "the chooser picks the sequence a terminal is known to show",
        arguments: [
            (["TERM_PROGRAM": "iTerm.app", "TERM": "xterm-256color"], NotificationChannel.osc9),
            (["LC_TERMINAL": "iTerm2", "TERM": "xterm-256color"], .osc9),
            (["TERM_PROGRAM": "ghostty", "TERM": "xterm-ghostty"], .osc9),
            (["TERM": "xterm-ghostty"], .osc9),
            (["TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"], .osc777),
            (["TERM": "foot"], .osc777),
            (["TERM": "foot-extra"], .osc777),
            (["TERM": "rxvt-unicode-256color"], .osc777),
            (["TERM": "contour"], .osc777),
            (["TERM": "xterm-256color"], .none),
            (["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"], .none),
            (["TERM": "xterm-256color", "VTE_VERSION": "7600"], .none),
            // Windows Terminal and ConEmu read OSC 9 as progress: never, whatever else is said.
            (["WT_SESSION": "abc", "TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"], .none),
            (["ConEmuPID": "42", "LC_TERMINAL": "iTerm2"], .none),
            // A multiplexer in between: not the outer terminal's sequence.
            (["TMUX": "/tmp/tmux-1/default,1,0", "TERM": "tmux-256color", "LC_TERMINAL": "iTerm2"], .none),
            (["TERM": "screen-256color", "TERM_PROGRAM": "WezTerm"], .none),
        ])
    func chooserOverTerminals(environment: [String: String], expected: NotificationChannel) {
        #expect(NotificationChannel.choose(environment: environment, oscAllowed: true, notifySendPath: nil) == expected)
    }

    @Test func notifySendIsTheFallbackOnlyWithADesktopSession() {
        let path = "/usr/bin/notify-send"
        let tmux = ["TMUX": "/tmp/tmux-1/default,1,0", "TERM": "tmux-256color", "TERM_PROGRAM": "WezTerm"]
        #expect(
            NotificationChannel.choose(
                environment: tmux.merging(["DISPLAY": ":0"]) { $1 }, oscAllowed: true, notifySendPath: path)
                == .notifySend(path: path))
        #expect(NotificationChannel.choose(environment: tmux, oscAllowed: true, notifySendPath: path) == .none)
        // stdout is not a terminal: the sequence would land in a file, notify-send still fine.
        let wezterm = ["TERM_PROGRAM": "WezTerm", "WAYLAND_DISPLAY": "wayland-0"]
        #expect(
            NotificationChannel.choose(environment: wezterm, oscAllowed: false, notifySendPath: path)
                == .notifySend(path: path))
        #expect(NotificationChannel.choose(environment: wezterm, oscAllowed: false, notifySendPath: nil) == .none)
        #expect(NotificationChannel.choose(environment: wezterm, oscAllowed: true, notifySendPath: path) == .osc777)
    }

    @Test func notifySendIsLookedUpInAbsoluteDirectoriesOnly() {
        let found = Set(["./notify-send", "/usr/local/bin/notify-send", "/usr/bin/notify-send"])
        #expect(
            NotificationChannel.executable(
                named: "notify-send", searchPath: ".:bin:/usr/local/bin/:/usr/bin", isExecutable: found.contains)
                == "/usr/local/bin/notify-send")
        #expect(
            NotificationChannel.executable(named: "notify-send", searchPath: ".::bin", isExecutable: { _ in true })
                == nil)
    }

    @Test func theNotifierWritesSequencesAndStartsPrograms() {
        let note = DesktopNotification(title: "Activation ends soon", body: "Reader ends in 2m.")
        var written: [String] = []
        DesktopNotifier(channel: .osc777, launch: { _, _ in Issue.record("started a program") })
            .send(note) { written.append($0) }
        #expect(written == ["\(Self.esc)]777;notify;Activation ends soon;Reader ends in 2m.\(Self.esc)\\"])
        let launched = LaunchLog()
        DesktopNotifier(channel: .notifySend(path: "/bin/notify-send"), launch: { launched.add($0, $1) })
            .send(note) { _ in Issue.record("wrote to the terminal") }
        #expect(launched.entries == [["/bin/notify-send", "--app-name=pim", "--", note.title, note.body]])
        DesktopNotifier.off.send(note) { _ in Issue.record("off wrote") }
    }
}

/// Programs a notifier started.
final class LaunchLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [[String]] = []
    func add(_ path: String, _ arguments: [String]) { lock.withLock { log.append([path] + arguments) } }
    var entries: [[String]] { lock.withLock { log } }
}
