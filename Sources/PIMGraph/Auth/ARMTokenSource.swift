import Foundation
import PIMDomain

/// One way of getting an Azure Resource Manager token (the environment's, the signed-in account's, the
/// Azure CLI's), as `ARMTokenChain` tries them in turn. Each is a `TokenProvider` of its own too, and then
/// throws `ARMTokenFailure.error`.
protocol ARMTokenSource: TokenProvider {
    func armToken(claims: String?) async throws(ARMTokenFailure) -> String
}

/// Why one way of getting an ARM token gave none: the error a caller sees when this way is used alone,
/// and what the chain needs to say it within its one sentence.
struct ARMTokenFailure: Error, Sendable {
    /// What this way lacked, as a clause after "Azure roles are not shown: " ("the Azure CLI is not signed in").
    var clause: String
    var problem: NextStep.AzureAccessProblem
    /// The failure when this way is used alone.
    var error: PIMError
    /// It may pass by itself (the network, a failing identity platform): no reason to give up on Azure roles.
    var transient = false
    /// The user chose this way (PIM_ARM_ACCESS_TOKEN), so no other way is tried after it fails.
    var final = false
}
