import Foundation

/// The process's stdout and stderr for every writer of the command line and the executable.
/// A reader that went away (`pim roles | head -1`, `pim --verbose roles 2>&1 >/dev/null | head -1`)
/// has what it wanted: pim ends quietly with status 0, as a Unix tool ends on SIGPIPE, instead of
/// trapping in FileHandle.write (status 132). SIGPIPE itself is ignored (Entrypoint), so a write to
/// a closed pipe fails with EPIPE and lands here.
public enum StandardStreams {
    /// Writes `text` to stdout as it is.
    public static func out(_ text: String) {
        if !writeAll(text, to: STDOUT_FILENO) { exit(0) }
    }

    /// Writes `text` to stderr as it is.
    public static func err(_ text: String) {
        if !writeAll(text, to: STDERR_FILENO) { exit(0) }
    }

    /// Writes `line` and a newline to stderr.
    public static func errLine(_ line: String) { err(line + "\n") }
}

/// Writes every byte of `text` to `descriptor`; false when the other end is closed (EPIPE) or
/// the write fails. FileHandle.write would trap on a closed pipe instead.
func writeAll(_ text: String, to descriptor: Int32) -> Bool {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        bytes = bytes.dropFirst(written)
    }
    return true
}
