import Foundation
import PIMDomain

/// Borrows the Azure CLI's Graph token (`az account get-access-token --resource-type ms-graph`).
/// That token lacks the PIM write scopes: reads may work, writes answer 403 and the error says to use the
/// client's own sign-in.
public actor AzureCLITokenProvider: TokenProvider {
    /// Runs a command and returns its exit status and standard output (injectable for tests).
    public typealias Runner = @Sendable (_ arguments: [String]) async throws -> (status: Int32, output: Data)

    let tenant: String?
    let runner: Runner
    let clock: any GraphClock
    private var cached: (token: String, expiresAt: Date)?

    public init(tenant: String? = nil, clock: any GraphClock = SystemClock(), runner: Runner? = nil) {
        self.tenant = tenant
        self.clock = clock
        self.runner = runner ?? Self.runProcess
    }

    /// The command line, without the program name.
    var arguments: [String] {
        var arguments = ["account", "get-access-token", "--resource-type", "ms-graph", "-o", "json"]
        if let tenant, !tenant.isEmpty { arguments += ["--tenant", tenant] }
        return arguments
    }

    public func accessToken(claims: String?) async throws -> String {
        guard claims == nil else {
            throw PIMError(
                .signInRequired,
                "The service asks for a stronger sign-in (MFA or an authentication context), "
                    + "which an Azure CLI token cannot provide", step: .signIn(.ownSignIn))
        }
        if let cached, cached.expiresAt.timeIntervalSince(clock.now()) > 120 { return cached.token }
        let result: (status: Int32, output: Data)
        do { result = try await runner(arguments) } catch {
            throw PIMError(
                .signInRequired, "The Azure CLI (az) could not be run",
                step: .useAzureCLISignIn(.notInstalled))
        }
        // 127 is the shell's "command not found": az is missing, not signed out.
        if result.status == 127 {
            throw PIMError(
                .signInRequired, "The Azure CLI (az) is not installed",
                step: .useAzureCLISignIn(.notInstalled))
        }
        guard result.status == 0 else {
            throw PIMError(
                .signInRequired, "The Azure CLI has no usable sign-in (az exited with \(result.status))",
                step: .useAzureCLISignIn(.signedOut))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: result.output)) as? [String: Any],
            let token = object["accessToken"] as? String, !token.isEmpty
        else {
            throw PIMError(
                .signInRequired, "The Azure CLI did not print an access token",
                step: .useAzureCLISignIn(.noToken))
        }
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
