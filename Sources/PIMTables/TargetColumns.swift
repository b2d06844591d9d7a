import PIMDomain

/// The columns every table of roles and groups shows the same way, whatever its rows are: a table
/// says how a row reaches its target, and how much room and priority the column gets there.
extension Column {
    /// The role or group's name (cut in the middle when ends would read alike), JSON `name`.
    static func targetName(
        width: ColumnWidth, priority: Int, fronts: Fronts = .both,
        _ target: @escaping @Sendable (Row) -> ElevationTarget
    ) -> Column {
        Column(
            "Name", width: width, priority: priority, names: true, fronts: fronts,
            json: ("name", { row, _ in .string(target(row).displayName) })
        ) { row, _ in
            CellValue(target(row).displayName, style: .emphasis)
        }
    }

    /// Role, group member or group owner.
    static func targetKind(
        priority: Int, fronts: Fronts = .both, _ target: @escaping @Sendable (Row) -> ElevationTarget
    ) -> Column {
        Column("Kind", width: .init(min: 5, max: 12), priority: priority, fronts: fronts) { row, _ in
            CellValue(target(row).kind.label)
        }
    }

    /// Where the role applies (the directory, an administrative unit, an Azure scope's name) or "Group",
    /// JSON `scopeName` unless the table's rows leave that key to their kind (`json: false`).
    static func targetScope(
        priority: Int, fronts: Fronts = .both, json: Bool = true,
        _ target: @escaping @Sendable (Row) -> ElevationTarget
    ) -> Column {
        Column(
            "Scope", width: .init(min: 9, max: 20, cuttable: true), priority: priority, fronts: fronts,
            json: json ? ("scopeName", { row, _ in .string(target(row).scopeLabel) }) : nil
        ) { row, _ in
            CellValue(target(row).scopeLabel)
        }
    }

    /// The privilege tier, Tier 0 marked, JSON `tier`.
    static func targetTier(
        priority: Int, fronts: Fronts = .both, _ target: @escaping @Sendable (Row) -> ElevationTarget
    ) -> Column {
        Column(
            "Tier", width: .init(min: 6, max: 6), priority: priority, fronts: fronts,
            json: ("tier", { row, _ in .string(target(row).tier.label) })
        ) { row, _ in
            CellValue(target(row).tier.label, style: .tier(target(row).tier))
        }
    }
}
