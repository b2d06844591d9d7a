/// How a desktop notification leaves pim: an escape sequence the terminal turns into a notification,
/// the desktop's `notify-send`, or not at all.
public enum NotificationChannel: Hashable, Sendable {
    /// `ESC ] 777 ; notify ; title ; body ST` (urxvt's, read by WezTerm, foot, contour).
    case osc777
    /// `ESC ] 9 ; text ST` (iTerm2's growl sequence, read by Ghostty too).
    case osc9
    /// The program at this path (`notify-send`), run with arguments.
    case notifySend(path: String)
    case none

    /// Picks the channel: the terminal's own sequence when the terminal is known to show it and
    /// `oscAllowed` (the sequence would reach a terminal), else `notify-send` when found and a desktop
    /// session is there to show it, else none.
    public static func choose(
        environment: [String: String], oscAllowed: Bool, notifySendPath: String?
    ) -> NotificationChannel {
        if oscAllowed, let sequence = terminalSequence(environment) { return sequence }
        if let path = notifySendPath, hasDesktopSession(environment) { return .notifySend(path: path) }
        return .none
    }

    /// The sequence the terminal is known to turn into a notification, by the names it gives itself;
    /// nil when unknown or when the sequence could mean something else there.
    static func terminalSequence(_ environment: [String: String]) -> NotificationChannel? {
        func value(_ name: String) -> String { environment[name] ?? "" }
        let term = value("TERM").lowercased()
        // A multiplexer answers for the terminal: tmux drops an OSC it does not know unless
        // `allow-passthrough` is on, which pim cannot see, and the name outside it is not ours to trust.
        if !value("TMUX").isEmpty || !value("STY").isEmpty || term.hasPrefix("screen") || term.hasPrefix("tmux") {
            return nil
        }
        // Windows Terminal and ConEmu read OSC 9 as progress and working-directory reports.
        if !value("WT_SESSION").isEmpty || !value("ConEmuPID").isEmpty || !value("ConEmuANSI").isEmpty { return nil }
        switch value("TERM_PROGRAM").lowercased() {
        case "iterm.app", "ghostty": return .osc9
        case "wezterm": return .osc777
        default: break
        }
        // iTerm2 sets LC_TERMINAL so that it survives ssh (sshd accepts LC_* by default).
        if value("LC_TERMINAL") == "iTerm2" { return .osc9 }
        if term == "xterm-ghostty" { return .osc9 }
        if term == "wezterm" || term == "foot" || term.hasPrefix("foot-") || term.hasPrefix("rxvt-unicode")
            || term.hasPrefix("contour") || value("TERMINAL_NAME") == "contour"
        {
            return .osc777
        }
        return nil
    }

    /// A desktop `notify-send` can reach: X11, Wayland or a session bus (not a bare ssh login).
    static func hasDesktopSession(_ environment: [String: String]) -> Bool {
        ["DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"].contains { !(environment[$0] ?? "").isEmpty }
    }

    /// The first executable `name` in the absolute directories of `searchPath` (a relative entry
    /// such as `.` would run whatever the working directory holds, so it is skipped).
    public static func executable(
        named name: String, searchPath: String, isExecutable: (String) -> Bool
    ) -> String? {
        for directory in searchPath.split(separator: ":") where directory.hasPrefix("/") {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }
}
