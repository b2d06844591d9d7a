import Foundation
import PIMDomain

/// The desktop programs desktop notifications use: finding `notify-send` and starting it.
enum DesktopPrograms {
    /// `notify-send` on the PATH of `environment`, or nil.
    static func notifySendPath(environment: [String: String]) -> String? {
        NotificationChannel.executable(
            named: "notify-send", searchPath: environment["PATH"] ?? "",
            isExecutable: { FileManager.default.isExecutableFile(atPath: $0) })
    }

    /// Starts `path` with `arguments` (no shell) off the caller's thread, with nothing of the
    /// terminal: its input, output and errors go nowhere, so it cannot draw into the interface. It is
    /// not waited for, and a failure to start is ignored: a missed notification is not an error.
    static func launch(_ path: String, _ arguments: [String]) {
        DispatchQueue.global(qos: .utility).async {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            // Keeps the process object until it ends, so it is reaped.
            process.terminationHandler = { _ in }
            try? process.run()
        }
    }

    /// The notifier of the full-screen interface, which owns the terminal: its sequence, else `notify-send`.
    static func fullScreenNotifier(environment: [String: String]) -> DesktopNotifier {
        let channel = NotificationChannel.choose(
            environment: environment, oscAllowed: true, notifySendPath: notifySendPath(environment: environment))
        return DesktopNotifier(channel: channel, launch: launch)
    }
}
