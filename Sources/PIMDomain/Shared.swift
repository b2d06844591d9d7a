/// An immutable value kept once on the heap and referenced wherever it is copied.
///
/// Rows of a 10,000-row table copy the same target and policy into many places (the dashboard,
/// the service's caches, the row, the activation form). Behind `Shared`, each copy is one pointer
/// and all of them use one allocation; a change makes a new box, so no copy sees another's edit.
final class Shared<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}
