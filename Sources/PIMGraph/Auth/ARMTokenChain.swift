import Foundation
import PIMDomain

/// The Azure Resource Manager token for Azure roles, from the first way that gives one, in this order:
/// `PIM_ARM_ACCESS_TOKEN`; the signed-in account's refresh token redeemed for ARM; the Azure CLI. The way
/// that worked is kept for the rest of the process. When none works, every call throws the same one
/// `PIMError` (step `.getAzureAccess`) whose sentence says why Azure roles are missing; the ways are not
/// tried again (the fronts ask the user to restart after fixing it), unless a failure may pass by itself.
public actor ARMTokenChain: TokenProvider {
    private let sources: [any ARMTokenSource]
    /// The way that gave the last token.
    private var chosen: Int?
    /// Why no way works, once that is settled.
    private var exhausted: PIMError?
    private var resolving: Task<String, any Error>?
    /// The last token each way gave, so a refusal reaches the way that gave it.
    private var issued: [Int: String] = [:]

    /// - Parameters:
    ///   - environmentToken: `PIM_ARM_ACCESS_TOKEN` (used as is; nil or blank when not set).
    ///   - account: the signed-in account's ARM tokens; nil when nobody signed in with the client's own sign-in.
    ///   - azureCLI: az, built with `resource: cloud.armResource`; nil where az is not to be asked.
    public init(environmentToken: String?, account: ARMAccountTokenProvider?, azureCLI: AzureCLITokenProvider?) {
        var sources: [any ARMTokenSource] = []
        if let environmentToken, !environmentToken.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            sources.append(ARMStaticTokenProvider(token: environmentToken))
        }
        if let account { sources.append(account) }
        if let azureCLI { sources.append(azureCLI) }
        self.sources = sources
    }

    public func accessToken(claims: String?) async throws -> String {
        if let claims {
            // A step-up is for the way whose token was challenged.
            let index = try await chosenIndex()
            do { return issue(try await sources[index].armToken(claims: claims), by: index) } catch {
                throw error.error
            }
        }
        if let resolving { return try await resolving.value }
        let task = Task { () async throws -> String in try await self.resolve() }
        resolving = task
        defer { resolving = nil }
        return try await task.value
    }

    /// ARM refused `token`: the way that gave it renews it, or (PIM_ARM_ACCESS_TOKEN) stops offering it.
    public func tokenRejected(_ token: String) async {
        for (index, given) in issued where given == token { await sources[index].tokenRejected(token) }
    }

    private func chosenIndex() async throws -> Int {
        if let chosen { return chosen }
        _ = try await accessToken(claims: nil)
        guard let chosen else { throw exhausted ?? Self.noneWorked([]) }
        return chosen
    }

    private func resolve() async throws -> String {
        if let exhausted { throw exhausted }
        var failures: [ARMTokenFailure] = []
        var start = 0
        if let index = chosen {
            do { return issue(try await sources[index].armToken(claims: nil), by: index) } catch {
                // A blip keeps the way that worked; a lasting failure moves on to the ways after it.
                if error.final || error.transient { throw error.error }
                failures.append(error)
                chosen = nil
                start = index + 1
            }
        }
        for index in sources.indices.dropFirst(start) {
            do {
                let token = try await sources[index].armToken(claims: nil)
                chosen = index
                return issue(token, by: index)
            } catch {
                if error.final { throw error.error }
                failures.append(error)
            }
        }
        if let passing = failures.first(where: \.transient) { throw passing.error }
        let settled = Self.noneWorked(failures)
        exhausted = settled
        throw settled
    }

    private func issue(_ token: String, by index: Int) -> String {
        SecretMask.remember(token)
        issued[index] = token
        return token
    }

    /// The one sentence for "no way gave a token": every way's reason, joined.
    static func noneWorked(_ failures: [ARMTokenFailure]) -> PIMError {
        let clauses = failures.map(\.clause)
        let reasons: String
        switch clauses.count {
        case 0: reasons = "no way to get an Azure Resource Manager token is set up"
        case 1, 2: reasons = clauses.joined(separator: ", and ")
        default: reasons = clauses.dropLast().joined(separator: ", ") + ", and " + clauses[clauses.count - 1]
        }
        let problem: NextStep.AzureAccessProblem =
            failures.contains { $0.problem == .notConsented } ? .notConsented : .noToken
        return PIMError(
            .signInRequired, "Azure roles are not shown: \(reasons).", step: .getAzureAccess(problem))
    }
}
