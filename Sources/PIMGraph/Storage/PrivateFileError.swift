import Foundation
import PIMDomain

/// Why the client would not read or write one of its private files: something at the path that it did not
/// make (a link, a file where its folder belongs, another user's file) or a write that failed.
/// `sentence` is what the user reads; `reason` and `fix` let a caller say it in its own words.
public struct PrivateFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// What is wrong, after the path: "is a symbolic link, which is never followed".
    public var reason: String
    /// What to do: "remove the link (a fresh file is made)".
    public var fix: String

    public var sentence: String { "\(Sanitizer.sanitize(path)) \(reason): \(fix), then try again." }
    public var description: String { sentence }

    /// As the command line reports it.
    public var pimError: PIMError { PIMError(.other, sentence) }

    init(path: String, reason: String, fix: String) {
        self.path = path
        self.reason = reason
        self.fix = fix
    }

    /// What `PrivatePathCheck` found wrong at `path`.
    init(path: String, _ problem: PrivatePathCheck.Problem) {
        self.init(path: path, reason: problem.reason, fix: problem.fix)
    }

    static func failed(_ path: String, _ what: String, errno code: Int32) -> PrivateFileError {
        let fix =
            code == ENOSPC || code == EDQUOT
            ? "free some disk space"
            : code == EACCES || code == EPERM || code == EROFS
                ? "make its folder writable, or point XDG_CACHE_HOME elsewhere"
                : "check the disk and the folder's permissions"
        return PrivateFileError(
            path: path, reason: "could not be \(what) (\(String(cString: strerror(code))))", fix: fix)
    }
}
