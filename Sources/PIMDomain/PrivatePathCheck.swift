import Foundation

/// Whether what `lstat`/`fstat` found at one of pim's private paths (token cache, hints, demo state)
/// may be used as pim's own: the right kind — a real folder or a regular file, never a symbolic
/// link — owned by the user running pim. Pure: the caller does the `stat`.
public enum PrivatePathCheck {
    public enum Expected: Sendable { case directory, file }

    public enum Problem: Sendable, Hashable {
        case symbolicLink, notADirectory, notAFile, foreignOwner

        /// What is wrong, said after the path.
        public var reason: String {
            switch self {
            case .symbolicLink: "is a symbolic link, which is never followed for private files"
            case .notADirectory: "is not a folder"
            case .notAFile: "is not a regular file"
            case .foreignOwner: "belongs to another user"
            }
        }

        /// What to do about it.
        public var fix: String {
            switch self {
            case .symbolicLink: "remove the link (a new one is made)"
            case .notADirectory: "move it away (a private folder is made there)"
            case .notAFile: "move it away (a new one is made)"
            case .foreignOwner: "remove it, or use a folder of your own"
            }
        }
    }

    /// What is wrong with what `lstat`/`fstat` filled in `info`, for the user running pim (or `user`).
    public static func problem(_ info: stat, expected: Expected, user: uid_t = geteuid()) -> Problem? {
        problem(mode: info.st_mode, owner: info.st_uid, user: user, expected: expected)
    }

    public static func problem(mode: mode_t, owner: uid_t, user: uid_t, expected: Expected) -> Problem? {
        let kind = mode & S_IFMT
        if kind == S_IFLNK { return .symbolicLink }
        switch expected {
        case .directory where kind != S_IFDIR: return .notADirectory
        case .file where kind != S_IFREG: return .notAFile
        default: break
        }
        return owner == user ? nil : .foreignOwner
    }
}
