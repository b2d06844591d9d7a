import Foundation
import PIMDomain

extension GraphCloud {
    /// The cloud the user asked for: flags first, then `PIM_CLOUD`, `PIM_GRAPH_URL`, `PIM_LOGIN_URL`,
    /// `PIM_ARM_URL` (product.md: flags beat environment; the URL overrides beat the cloud). Throws
    /// `.invalidInput` with a sentence naming the fix for an unknown cloud or a malformed URL.
    public static func resolve(
        cloud: String? = nil, graphURL: String? = nil, loginURL: String? = nil, armURL: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> GraphCloud {
        func pick(_ flag: String?, _ variable: String) -> String? {
            if let flag, !flag.isEmpty { return flag }
            if let value = environment[variable], !value.isEmpty { return value }
            return nil
        }
        var result = GraphCloud.global
        if let name = pick(cloud, "PIM_CLOUD") {
            guard let named = GraphCloud(named: name) else {
                throw PIMError(
                    .invalidInput,
                    "Unknown cloud \"\(Sanitizer.sanitize(name))\": use global, usgov, usgov-dod or china.")
            }
            result = named
        }
        func url(_ text: String?, _ option: String, example: String) throws -> URL? {
            guard let text else { return nil }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                ["https", "http"].contains(scheme), url.host != nil
            else {
                throw PIMError(
                    .invalidInput,
                    """
                    \(option) \"\(Sanitizer.sanitize(text))\" is not an http(s) URL: give one like \
                    \(example).
                    """
                )
            }
            // Tokens travel to this host: in clear text only to a test server on this machine.
            if !EndpointTrust.allowsSecrets(url) {
                throw PIMError(
                    .invalidInput,
                    """
                    \(option) \"\(Sanitizer.sanitize(text))\" would send your token unencrypted: use https (plain http \
                    is accepted only for 127.0.0.1, ::1 or localhost).
                    """
                )
            }
            return url
        }
        return result.overriding(
            graphURL: try url(pick(graphURL, "PIM_GRAPH_URL"), "--graph-url", example: "https://graph.microsoft.com")
                .map(versionless),
            loginURL: try url(
                pick(loginURL, "PIM_LOGIN_URL"), "--login-url", example: "https://login.microsoftonline.com"),
            armURL: try url(pick(armURL, "PIM_ARM_URL"), "--arm-url", example: "https://management.azure.com")
                .map(withoutTrailingSlashes))
    }

    /// The ARM root as the client appends paths to it: `https://management.azure.com/` (as the Azure CLI
    /// prints it) becomes `https://management.azure.com`, so no request goes to `//providers/…`.
    static func withoutTrailingSlashes(_ url: URL) -> URL {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        while parts.path.hasSuffix("/") { parts.path.removeLast() }
        return parts.url ?? url
    }

    /// The Graph base URL without a trailing `/v1.0` or `/beta` segment and without trailing slashes:
    /// people copy `https://graph.microsoft.com/v1.0` from the docs, and the client adds the version itself
    /// (otherwise every request would go to `/v1.0/v1.0/…`).
    static func versionless(_ url: URL) -> URL {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        var path = parts.path
        while path.hasSuffix("/") { path.removeLast() }
        for version in ["/v1.0", "/beta"] where path.lowercased().hasSuffix(version) {
            path.removeLast(version.count)
            while path.hasSuffix("/") { path.removeLast() }
        }
        parts.path = path
        return parts.url ?? url
    }
}
