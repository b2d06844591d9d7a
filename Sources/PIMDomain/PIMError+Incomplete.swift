import Foundation

extension PIMError {
    /// A listing some of whose sections could not be read. A listing is shown whole or not at all
    /// (a script cannot tell a shorter list from a complete one), so this is a service error (exit 5)
    /// whatever the sections failed with; the sentence names them, says why the first one failed and
    /// keeps its next step.
    public static func incomplete(_ failures: [DashboardSection: PIMError]) -> PIMError {
        let sections = DashboardSection.allCases.filter { failures[$0] != nil }
        guard let first = sections.first.flatMap({ failures[$0] }) else {
            return PIMError(.service, "The listing is incomplete: try again.")
        }
        var (reason, step) = split(first.message)
        // A page that could not be followed already says the listing is incomplete: say it once.
        reason = reason.replacingOccurrences(of: ", so the listing is incomplete", with: "")
        let names = listed(sections.map(\.label))
        return PIMError(.service, "Could not read \(names) (\(reason)), so the listing is incomplete: \(step)",
                        graphCode: first.graphCode, requestId: first.requestId, httpStatus: first.httpStatus)
    }

    /// "what happened: next step." → the two halves (at the last ": ", since quoted service text comes
    /// before pim's own next step); a message without one keeps "try again." as its step.
    static func split(_ message: String) -> (String, String) {
        let trimmed = message.hasSuffix(".") ? String(message.dropLast()) : message
        guard let colon = trimmed.range(of: ": ", options: .backwards) else { return (trimmed, "try again.") }
        return (String(trimmed[..<colon.lowerBound]), String(trimmed[colon.upperBound...]) + ".")
    }

    /// "a", "a and b", "a, b and c".
    static func listed(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
