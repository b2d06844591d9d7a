import Foundation

/// Injected faults with their rates (`PIM_SIM_FAULTS=429:0.1,503:0.05,timeout:0.02,…`).
public struct FaultPlan: Hashable, Sendable {
    public enum Fault: String, Hashable, Sendable, CaseIterable {
        case throttled = "429"
        case serverError = "500"
        case unavailable = "503"
        case gatewayTimeout = "504"
        case timeout
        case malformed
        case expiredToken = "expired-token"
    }

    /// Rates in the order given; each exchange draws once against their running sum.
    public var rates: [(Fault, Double)]

    public init(_ rates: [(Fault, Double)] = []) { self.rates = rates }

    public static func == (a: FaultPlan, b: FaultPlan) -> Bool {
        a.rates.map(\.0) == b.rates.map(\.0) && a.rates.map(\.1) == b.rates.map(\.1)
    }

    public func hash(into hasher: inout Hasher) {
        for (f, r) in rates { hasher.combine(f); hasher.combine(r) }
    }

    public var isEmpty: Bool { rates.allSatisfy { $0.1 <= 0 } }

    public init(parsing text: String) throws {
        var rates: [(Fault, Double)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            let valid = Fault.allCases.map(\.rawValue).joined(separator: ", ")
            guard parts.count == 2, let fault = Fault(rawValue: parts[0].lowercased()) else {
                throw SimulatorError.invalidSetting(
                    """
                    PIM_SIM_FAULTS has \"\(item)\"; write KIND:RATE pairs such as 429:0.1,timeout:0.02 (kinds: \
                    \(valid)).
                    """
                )
            }
            guard let rate = Double(parts[1]), rate >= 0, rate <= 1 else {
                throw SimulatorError.invalidSetting(
                    "PIM_SIM_FAULTS gives \(parts[0]) the rate \"\(parts[1])\"; use a number from 0 to 1.")
            }
            rates.append((fault, rate))
        }
        let total = rates.reduce(0) { $0 + $1.1 }
        guard total <= 1.0001 else {
            throw SimulatorError.invalidSetting(
                "PIM_SIM_FAULTS rates add up to \(total); keep their sum at 1 or below.")
        }
        self.rates = rates
    }

    /// The fault for a draw in [0, 1), or nil for a normal exchange.
    func fault(for draw: Double) -> Fault? {
        var edge = 0.0
        for (fault, rate) in rates {
            edge += rate
            if draw < edge { return fault }
        }
        return nil
    }
}
