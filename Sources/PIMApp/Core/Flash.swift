import Foundation

/// A message in the status line that goes away by itself (k9s's flash).
public struct Flash: Hashable, Sendable {
    public enum Level: Hashable, Sendable { case info, success, warning, error }
    public var text: String
    public var level: Level
    public var expires: Date

    public init(_ text: String, level: Level, expires: Date) {
        self.text = text
        self.level = level
        self.expires = expires
    }
}
