import Foundation
import PIMDomain

/// A message in the status line that goes away by itself (k9s's flash).
public struct Flash: Hashable, Sendable {
    public enum Level: Hashable, Sendable { case info, success, warning, error }
    public var text: String
    public var level: Level
    public var expires: Date
    /// A failure's parts, so the status line can shorten what happened and keep the step whole.
    public var sentence: ErrorSentence?

    public init(_ text: String, level: Level, expires: Date) {
        self.text = text
        self.level = level
        self.expires = expires
    }

    public init(_ sentence: ErrorSentence, level: Level, expires: Date) {
        self.init(sentence.text, level: level, expires: expires)
        self.sentence = sentence
    }
}
