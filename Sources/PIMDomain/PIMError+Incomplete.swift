import Foundation

extension PIMError {
    /// A listing some of whose sections could not be read. A listing is shown whole or not at all
    /// (a script cannot tell a shorter list from a complete one), so this is a service error (exit 5)
    /// whatever the sections failed with; the sentence names them, says why the first one failed and
    /// keeps its next step.
    public static func incomplete(_ failures: [DashboardSection: PIMError]) -> PIMError {
        let sections = DashboardSection.allCases.filter { failures[$0] != nil }
        guard let first = sections.first.flatMap({ failures[$0] }) else {
            return PIMError(.service, "The listing is incomplete", step: .tryAgain)
        }
        var reason = first.event.hasSuffix(".") ? String(first.event.dropLast()) : first.event
        // A page that could not be followed already says the listing is incomplete: say it once.
        reason = reason.replacingOccurrences(of: ", so the listing is incomplete", with: "")
        let names = listed(sections.map(\.label))
        return PIMError(
            .service, "Could not read \(names) (\(reason)), so the listing is incomplete",
            step: first.step == .none ? .tryAgain : first.step,
            graphCode: first.graphCode, requestId: first.requestId, httpStatus: first.httpStatus)
    }

    /// "a", "a and b", "a, b and c".
    static func listed(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
