import Foundation
import PIMDomain

/// The Elevations pane lists the whole tenant's elevations; of those, only my own can be extended.
extension AppState {
    /// `e` in Elevations: the extension form on my row for the selected elevation, or why not.
    mutating func openElevationExtensionForm() {
        if let reason = elevationExtensionRefusal {
            flash(reason, .warning)
            return
        }
        if let role = selectedElevationRole, let assignment = role.active {
            openForm(mode: .extend(assignment), entries: [role])
        }
    }

    /// My row in My roles for the elevation selected in Elevations, when that elevation is mine.
    var selectedElevationRole: RoleEntry? {
        guard let elevation = selectedElevation, let me, elevation.principal.id == me.id else { return nil }
        return roles.first { $0.target.id == elevation.target.id }
    }

    /// Why `e` in Elevations cannot extend the selected row; nil when it can. The pane lists the
    /// whole tenant: only my own elevations are mine to extend.
    public var elevationExtensionRefusal: String? {
        guard let elevation = selectedElevation else { return "There is no elevation selected." }
        guard let me, elevation.principal.id == me.id else {
            return "\(elevation.target.interfaceName) is \(elevation.principal.label)'s elevation: "
                + "you can extend only your own."
        }
        guard let role = selectedElevationRole else {
            return "\(elevation.target.interfaceName) is not among your roles yet: refresh (r), then try again."
        }
        return role.extensionRefusal
    }
}
