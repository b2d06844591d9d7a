import PIMApp
import PIMDomain

/// A grid of cells the interface renders into (to be built out).
public struct Screen: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
