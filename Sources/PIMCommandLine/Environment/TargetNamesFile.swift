import Foundation
import PIMDomain

/// The role and group names shell completion offers (`$XDG_CACHE_HOME/pim/targets`), kept beside the
/// token cache. Read and written without following a symbolic link, like pim's other private files:
/// a linked file would make completion print whatever it points at. Failures are silent, since
/// completion must never fail a command.
enum TargetNamesFile {
    /// The file's text; nil when it is missing, a link, or not a regular file of the user's own.
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0,
            PrivatePathCheck.problem(info, expected: .file) == nil,
            let data = try? handle.readToEnd()
        else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Replaces the file (0600) inside `directory` (0700), unless the folder is not a real folder of the user's own.
    static func write(_ text: String, to path: String, in directory: String) {
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        var info = stat()
        guard lstat(directory, &info) == 0,
            PrivatePathCheck.problem(info, expected: .directory) == nil
        else { return }
        // Written to a new name and renamed over the old: a link at `path` is replaced, never followed.
        _ = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    }
}
