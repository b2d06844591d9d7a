import Foundation
import PIMCommandLine
import PIMDomain
import PIMGraph

/// Microsoft Graph, as pim uses it without `--demo`.
enum GraphWiring {
    static func service(_ settings: GlobalSettings) throws -> any PIMService {
        throw PIMError(.signInRequired, "Signing in to Microsoft Graph is not available in this build: use --demo.")
    }

    static func login(_ settings: GlobalSettings, method: LoginMethod, console: Console) async throws -> String {
        throw PIMError(.signInRequired, "Signing in is not available in this build: use --demo.")
    }

    static func logout(_ settings: GlobalSettings) throws -> String {
        "No cached tokens to delete."
    }

    static func summary(_ settings: GlobalSettings) -> [(String, String)] {
        [("service", "Microsoft Graph"), ("cloud", settings.cloud), ("tenant", settings.tenant ?? "(from sign-in)")]
    }
}
