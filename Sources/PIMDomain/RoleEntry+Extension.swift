import Foundation

extension RoleEntry {
    /// Can be extended: an activation (ended and requested again), or a time-bound assignment
    /// (`selfExtend`, or `selfRenew` once it has ended). A permanent assignment has nothing to extend.
    public var canExtend: Bool {
        guard let active else { return false }
        switch active.assignmentType {
        case .activated: return true
        case .assigned: return active.end != nil
        case .other: return false
        }
    }

    /// Why `canExtend` is false, as a sentence naming what to do instead; nil when it can be extended.
    public var extensionRefusal: String? {
        guard !canExtend else { return nil }
        guard active != nil else {
            return "\(target.displayName) is not active: activate it instead of extending it."
        }
        return "\(target.displayName) is assigned to you permanently: there is nothing to extend."
    }
}
