/// One column of the screen: a grapheme, or "" for the column a wide grapheme to its left also covers.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: StyleRole

    public init(_ text: String = " ", style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    /// The right half of a wide character: nothing is drawn here.
    public var isTrailing: Bool { text.isEmpty }
}
