/// What a front does with a notification: the channel chosen at start, and the one effect the
/// executable lends for `notify-send` (starting a program without waiting for it). The terminal's
/// sequence is handed back to the front, which writes it where its output goes.
public struct DesktopNotifier: Sendable {
    public let channel: NotificationChannel
    private let launch: @Sendable (_ path: String, _ arguments: [String]) -> Void

    public init(
        channel: NotificationChannel, launch: @escaping @Sendable (_ path: String, _ arguments: [String]) -> Void
    ) {
        self.channel = channel
        self.launch = launch
    }

    /// Sends nothing.
    public static let off = DesktopNotifier(channel: .none, launch: { _, _ in })

    /// Sends `notification`: an escape sequence goes to `writeToTerminal`, `notify-send` is started.
    public func send(_ notification: DesktopNotification, writeToTerminal: (String) -> Void) {
        switch NotificationDelivery(notification, via: channel) {
        case .terminal(let sequence)?: writeToTerminal(sequence)
        case .program(let path, let arguments)?: launch(path, arguments)
        case nil: break
        }
    }
}

/// A notification as its channel carries it.
public enum NotificationDelivery: Hashable, Sendable {
    /// Bytes for the terminal.
    case terminal(String)
    /// A program and its arguments, run without a shell.
    case program(path: String, arguments: [String])

    static let osc = "\u{1B}]"
    /// ST, the string terminator (`ESC \`).
    static let terminator = "\u{1B}\\"

    public init?(_ notification: DesktopNotification, via channel: NotificationChannel) {
        let title = notification.title, body = notification.body
        switch channel {
        case .osc777:
            // The title is a field of its own: a ';' in it would move part of it into the body.
            let field = title.replacingOccurrences(of: ";", with: ",")
            self = .terminal("\(Self.osc)777;notify;\(field);\(body)\(Self.terminator)")
        case .osc9:
            var text = body.isEmpty ? title : "\(title): \(body)"
            // `OSC 9 ; 4 ; …` and other numbered forms are commands in some terminals, never a message.
            if text.unicodeScalars.first.map({ ("0"..."9").contains($0) }) ?? true { text = "pim: " + text }
            self = .terminal("\(Self.osc)9;\(text)\(Self.terminator)")
        case .notifySend(let path):
            // `--` ends the options: a title or body starting with '-' stays text. The body is markup
            // to most notification daemons, so markup characters are replaced by look-alikes.
            self = .program(path: path, arguments: ["--app-name=pim", "--", title, Self.withoutMarkup(body)])
        case .none:
            return nil
        }
    }

    /// `<`, `>` and `&` as look-alikes no notification daemon reads as markup (a link, bold, an entity).
    static func withoutMarkup(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar -> Unicode.Scalar in
                    switch scalar {
                    case "<": "\u{2039}"
                    case ">": "\u{203A}"
                    case "&": "\u{FF06}"
                    default: scalar
                    }
                }))
    }
}
