import Foundation
import PIMDomain

/// The fronts that show a column. A front picks its columns from a table's one definition list
/// by its set, so a column shown by both is written once.
public struct Fronts: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The full-screen interface's pane.
    public static let screen = Fronts(rawValue: 1)
    /// The command line's table (`pim roles`, `pim approvals`, …).
    public static let commandLine = Fronts(rawValue: 2)
    public static let both: Fronts = [.screen, .commandLine]
}

/// How wide a column may be. The full screen sizes it between `min` and `max` and gives the room
/// left to the one column that `fills`; the command line sizes it to its widest cell and cuts only
/// the columns that are `cuttable` (names, justifications; never ids or times).
public struct ColumnWidth: Hashable, Sendable {
    public var min: Int
    public var max: Int
    public var fills: Bool
    public var cuttable: Bool

    public init(min: Int, max: Int, fills: Bool = false, cuttable: Bool = false) {
        self.min = min
        self.max = max
        self.fills = fills
        self.cuttable = cuttable
    }
}

/// A value a column adds to a JSON row. Keys are a contract (docs/cli-output.md): add, never rename.
public enum FieldValue: Hashable, Sendable {
    case string(String?)
    case int(Int?)
    case date(Date?)
}

/// One column of a table, whole: what both fronts need to lay it out, fill it and, where it is a
/// JSON field, write it. Rows of a table are `Row`; cells are built only for the rows on screen.
public struct Column<Row>: Sendable {
    public var title: String
    public var width: ColumnWidth
    /// How much an administrator needs the column when the terminal is narrow: the least useful
    /// goes first. The command line never leaves out a column of `Priority.essential` or more.
    public var priority: Int
    /// Names of roles and groups: cut in the middle when cutting the ends makes two rows read alike.
    public var names: Bool
    public var alignRight: Bool
    public var fronts: Fronts
    /// The JSON key this column fills in `--output json`, if it is a field of the row.
    public var jsonKey: String?
    public var cell: @Sendable (Row, ColumnContext) -> CellValue
    public var json: (@Sendable (Row, ColumnContext) -> FieldValue)?

    public init(
        _ title: String, width: ColumnWidth, priority: Int, names: Bool = false, alignRight: Bool = false,
        fronts: Fronts = .both, json: (key: String, value: @Sendable (Row, ColumnContext) -> FieldValue)? = nil,
        cell: @escaping @Sendable (Row, ColumnContext) -> CellValue
    ) {
        self.title = title
        self.width = width
        self.priority = priority
        self.names = names
        self.alignRight = alignRight
        self.fronts = fronts
        self.jsonKey = json?.key
        self.json = json?.value
        self.cell = cell
    }
}

/// Narrow-terminal priorities shared by the fronts.
public enum Priority {
    /// Columns a row is read by: the command line keeps them at any width (it cuts names instead).
    public static let essential = 9
}

/// A table's columns, defined once, in the order both fronts show them.
public struct TableDefinition<Row>: Sendable {
    public let columns: [Column<Row>]

    public init(_ columns: [Column<Row>]) { self.columns = columns }

    /// The columns `front` shows, in definition order.
    public func columns(for front: Fronts) -> [Column<Row>] {
        columns.filter { $0.fronts.contains(front) }
    }

    /// The JSON fields the columns give for `row`, in definition order.
    public func jsonFields(_ row: Row, context: ColumnContext) -> [(key: String, value: FieldValue)] {
        columns.compactMap { column in
            guard let key = column.jsonKey, let value = column.json else { return nil }
            return (key, value(row, context))
        }
    }
}
