import PIMDomain

/// The whole state of the full-screen interface (to be built out).
public struct AppState: Equatable, Sendable {
    public init() {}
}
