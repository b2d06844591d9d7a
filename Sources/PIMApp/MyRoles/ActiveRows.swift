/// The rows of My roles that are activations with an end: the only ones the one-second tick has to
/// look at for expiry warnings, instead of every row of a 10,000-row table. Derived from the rows
/// (rebuilt on first use after they change), so it takes no part in equality.
struct ActiveRows: Hashable, Sendable {
    var indices: [Int]?

    static func == (a: ActiveRows, b: ActiveRows) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
