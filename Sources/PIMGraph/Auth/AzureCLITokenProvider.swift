import Foundation
import PIMDomain

/// Borrows the Azure CLI's token: Graph's (`az account get-access-token --resource-type ms-graph`), or, built
/// with a `resource`, that resource's (`--resource https://management.core.windows.net/` for Azure Resource
/// Manager, ARM contract §11.3). A Graph token from az lacks the PIM write scopes: reads may work, writes
/// answer 403 and the error says to use the client's own sign-in.
public actor AzureCLITokenProvider: TokenProvider, ARMTokenSource {
    /// Runs a command and returns its exit status and standard output (injectable for tests).
    public typealias Runner = @Sendable (_ arguments: [String]) async throws -> (status: Int32, output: Data)

    let tenant: String?
    /// The token audience to ask az for; nil for Microsoft Graph's.
    let resource: String?
    let runner: Runner
    let clock: any GraphClock
    private var cached: (token: String, expiresAt: Date)?

    /// - Parameters:
    ///   - resource: e.g. `GraphCloud.armResource` for an Azure Resource Manager token; nil for Graph's.
    public init(
        tenant: String? = nil, resource: String? = nil, clock: any GraphClock = SystemClock(), runner: Runner? = nil
    ) {
        self.tenant = tenant
        self.resource = resource
        self.clock = clock
        self.runner = runner ?? Self.runProcess
    }

    /// The command line, without the program name.
    var arguments: [String] {
        var arguments = ["account", "get-access-token"]
        arguments += resource.map { ["--resource", $0] } ?? ["--resource-type", "ms-graph"]
        arguments += ["-o", "json"]
        // `organizations` is the identity platform's word for "any work account", not a tenant az knows.
        if let tenant, !tenant.isEmpty, !["organizations", "common"].contains(tenant.lowercased()) {
            arguments += ["--tenant", tenant]
        }
        return arguments
    }

    /// Why az gave no token.
    enum Problem: Error {
        case couldNotRun, notInstalled, signedOut(Int32), noToken
    }

    public func accessToken(claims: String?) async throws -> String {
        if resource != nil {
            do { return try await armToken(claims: claims) } catch { throw error.error }
        }
        guard claims == nil else {
            throw PIMError(
                .signInRequired,
                "The service asks for a stronger sign-in (MFA or an authentication context), "
                    + "which an Azure CLI token cannot provide", step: .signIn(.ownSignIn))
        }
        do { return try await token() } catch {
            switch error {
            case .couldNotRun:
                throw PIMError(
                    .signInRequired, "The Azure CLI (az) could not be run", step: .useAzureCLISignIn(.notInstalled))
            case .notInstalled:
                throw PIMError(
                    .signInRequired, "The Azure CLI (az) is not installed", step: .useAzureCLISignIn(.notInstalled))
            case .signedOut(let status):
                throw PIMError(
                    .signInRequired, "The Azure CLI has no usable sign-in (az exited with \(status))",
                    step: .useAzureCLISignIn(.signedOut))
            case .noToken:
                throw PIMError(
                    .signInRequired, "The Azure CLI did not print an access token", step: .useAzureCLISignIn(.noToken))
            }
        }
    }

    /// An Azure Resource Manager token from az; every failure leaves Azure roles without a token.
    func armToken(claims: String?) async throws(ARMTokenFailure) -> String {
        guard claims == nil else {
            throw ARMTokenFailure(
                clause: "an Azure CLI token cannot satisfy a stronger sign-in", problem: .noToken,
                error: PIMError(
                    .signInRequired,
                    "Azure Resource Manager asks for a stronger sign-in (MFA or an authentication context), "
                        + "which an Azure CLI token cannot provide", step: .signIn(.ownSignIn)))
        }
        do { return try await token() } catch {
            let clause: String
            switch error {
            case .couldNotRun: clause = "the Azure CLI (az) could not be run"
            case .notInstalled: clause = "the Azure CLI (az) is not installed"
            case .signedOut: clause = "the Azure CLI is not signed in"
            case .noToken: clause = "the Azure CLI printed no Azure Resource Manager token"
            }
            let event = clause.prefix(1).uppercased() + clause.dropFirst()
            throw ARMTokenFailure(
                clause: clause, problem: .noToken,
                error: PIMError(
                    .signInRequired, "\(event), so Azure roles are not shown", step: .getAzureAccess(.noToken)))
        }
    }

    /// The service refused `token`: ask az again next time (it renews what it can).
    public func tokenRejected(_ token: String) async {
        if cached?.token == token { cached = nil }
    }

    private func token() async throws(Problem) -> String {
        if let cached, cached.expiresAt.timeIntervalSince(clock.now()) > 120 { return cached.token }
        let result: (status: Int32, output: Data)
        do { result = try await runner(arguments) } catch { throw .couldNotRun }
        // 127 is the shell's "command not found": az is missing, not signed out.
        if result.status == 127 { throw .notInstalled }
        guard result.status == 0 else { throw .signedOut(result.status) }
        guard let object = (try? JSONSerialization.jsonObject(with: result.output)) as? [String: Any],
            let token = object["accessToken"] as? String, !token.isEmpty
        else { throw .noToken }
        SecretMask.remember(token)
        let expiresOn =
            (object["expires_on"] as? Double) ?? (object["expires_on"] as? Int).map(Double.init)
            ?? Double("\(object["expires_on"] ?? "")")
        cached = (token, expiresOn.map { Date(timeIntervalSince1970: $0) } ?? clock.now().addingTimeInterval(300))
        return token
    }

    static let runProcess: Runner = { arguments in
        try await withCheckedThrowingContinuation { continuation in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["az"] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
                DispatchQueue.global().async {
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, data))
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}
