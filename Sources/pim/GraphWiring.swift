import Foundation
import PIMCommandLine
import PIMDomain
import PIMGraph

/// Microsoft Graph, as pim uses it without `--demo`: the cloud (or `--graph-url` / `--login-url`),
/// and a token from PIM_ACCESS_TOKEN, the Azure CLI (after `pim login --azure-cli`), or the
/// device-code sign-in and its cache.
enum GraphWiring {
    /// The settings already merged flags and environment; `GraphCloud.resolve` checks the URLs again
    /// (https, or http to this machine only) so no path builds a cloud that sends a token in clear.
    static func cloud(_ settings: GlobalSettings) throws -> GraphCloud {
        do {
            return try GraphCloud.resolve(
                cloud: settings.cloud, graphURL: settings.graphURL, loginURL: settings.loginURL,
                armURL: settings.armURL, environment: [:])
        } catch let error as PIMError where error.kind == .invalidInput {
            throw UsageError(ErrorWording.sentence(error))
        }
    }

    static func transport(_ settings: GlobalSettings) -> any Transport {
        CurlTransport(logger: settings.verbose ? VerboseLogger(write: StandardStreams.errLine) : nil)
    }

    static func cache(_ settings: GlobalSettings) -> TokenCache {
        TokenCache(directory: URL(fileURLWithPath: settings.paths.cacheDirectory), warn: StandardStreams.errLine)
    }

    static func accounts(_ settings: GlobalSettings) -> AccountStore {
        AccountStore(directory: URL(fileURLWithPath: settings.paths.cacheDirectory), warn: StandardStreams.errLine)
    }

    /// The settings with the signed-in account filled in: without a tenant (flag, PIM_TENANT or the
    /// configuration) the account `pim login` signed in with last; with one, the account signed in to
    /// that tenant, if any. The account's cloud and client id apply where none was chosen. A token
    /// given as is (PIM_ACCESS_TOKEN) or the Azure CLI's needs no account.
    static func withAccount(_ settings: GlobalSettings) throws -> (GlobalSettings, SignedInAccount?) {
        guard !settings.demo, settings.accessToken == nil,
            !isSet(azureMarker(settings))
        else { return (settings, nil) }
        let store = accounts(settings)
        let account: SignedInAccount?
        if let tenant = settings.tenant, !tenant.isEmpty {
            account = try store.account(tenant: tenant, cloud: settings.cloudGiven ? settings.cloud : nil)
        } else {
            account = try store.current().flatMap { !settings.cloudGiven || $0.cloud == settings.cloud ? $0 : nil }
        }
        guard let account else { return (settings, nil) }
        var resolved = settings
        resolved.tenant = account.tenant
        if !resolved.cloudGiven { resolved.cloud = account.cloud }
        if resolved.clientId?.isEmpty ?? true { resolved.clientId = account.clientId }
        return (resolved, account)
    }

    /// Marks that `pim login --audit` asked for the audit-log scopes, so refreshes keep asking for them.
    static func auditMarker(_ settings: GlobalSettings) -> PrivateStateFile { marker("audit-scopes", settings) }

    /// Marks that `pim login --azure-cli` chose the Azure CLI's token; `pim logout` removes it.
    static func azureMarker(_ settings: GlobalSettings) -> PrivateStateFile { marker("use-azure-cli", settings) }

    /// An empty file in the cache folder whose presence is the setting, written and removed like
    /// pim's other private files (0700 folder, 0600 file, never through a link).
    private static func marker(_ name: String, _ settings: GlobalSettings) -> PrivateStateFile {
        PrivateStateFile(directory: URL(fileURLWithPath: settings.paths.cacheDirectory), name: name)
    }

    private static func isSet(_ marker: PrivateStateFile) -> Bool {
        FileManager.default.fileExists(atPath: marker.path)
    }

    static func deviceCode(
        _ settings: GlobalSettings, cloud: GraphCloud, transport: any Transport, interactive: Bool,
        prompt: @escaping @Sendable (DeviceCodePrompt) -> Void
    ) -> DeviceCodeSignIn {
        DeviceCodeSignIn(
            cloud: cloud, tenant: settings.tenant, clientId: settings.clientId,
            includeAudit: isSet(auditMarker(settings)), transport: transport,
            cache: cache(settings), interactive: interactive, prompt: prompt)
    }

    /// The tenant a sign-in goes to: the one given, else `organizations` (as `DeviceCodeSignIn` has it).
    static func signInTenant(_ settings: GlobalSettings) -> String {
        settings.tenant.flatMap { $0.isEmpty ? nil : $0 } ?? "organizations"
    }

    /// The client id a sign-in uses: the one given, else pim's default (as `DeviceCodeSignIn` has it).
    static func signInClientId(_ settings: GlobalSettings) -> String {
        settings.clientId.flatMap { $0.isEmpty ? nil : $0 } ?? DeviceCodeSignIn.defaultClientId
    }

    /// `<graph host>|<tenant>`: what one tenant's dashboard hints and unsent drafts are filed under.
    static func tenantScope(_ settings: GlobalSettings, cloud: GraphCloud?) -> String {
        "\(cloud?.graphURL.host ?? "graph")|\(signInTenant(settings))"
    }

    /// True when the cache holds a token (or a refresh token) for this authority, tenant and client.
    /// Keyed like `DeviceCodeSignIn` keys its cache entries.
    static func hasCachedSignIn(_ settings: GlobalSettings, cloud: GraphCloud) throws -> Bool {
        let host = cloud.loginURL.host ?? cloud.loginURL.absoluteString
        let key = "\(host)|\(signInTenant(settings))|\(signInClientId(settings))"
        guard let entry = try cache(settings).load(key: key) else { return false }
        return entry.refreshToken != nil || entry.expiresAt.timeIntervalSinceNow > 300
    }

    /// Graph's token provider and Azure Resource Manager's. The ARM side tries PIM_ARM_ACCESS_TOKEN, then
    /// the signed-in account's refresh token (the same sign-in Graph uses), then the Azure CLI.
    static func tokens(
        _ settings: GlobalSettings, cloud: GraphCloud, transport: any Transport
    ) throws -> (graph: any TokenProvider, arm: any TokenProvider) {
        if let token = settings.accessToken { return (StaticTokenProvider(token: token), armTokens(settings, cloud)) }
        if isSet(azureMarker(settings)) {
            return (AzureCLITokenProvider(tenant: settings.tenant), armTokens(settings, cloud))
        }
        // Without a terminal nobody can enter a device code: say so now instead of waiting 15 minutes,
        // and later too, when the cached sign-in cannot be renewed or a step-up is asked for.
        let terminal = isatty(STDIN_FILENO) == 1
        if !terminal, try !hasCachedSignIn(settings, cloud: cloud) {
            if let tenant = settings.tenant, !tenant.isEmpty {
                throw PIMError(
                    .signInRequired, "You are not signed in to \(tenant)",
                    step: .signInFromTerminal(tenant: tenant, otherwise: .accessToken))
            }
            throw PIMError(
                .signInRequired, "You are not signed in",
                step: .signInFromTerminal(tenant: nil, otherwise: .accessToken))
        }
        let signIn = deviceCode(settings, cloud: cloud, transport: transport, interactive: terminal) { prompt in
            StandardStreams.errLine(SecretMask.mask(prompt.message))
        }
        return (signIn, armTokens(settings, cloud, account: signIn))
    }

    /// A Graph of one's own (--graph-url: a proxy, a test double) with ARM left at Microsoft's would mix
    /// two worlds and send a token obtained there to the real ARM: Azure roles then need --arm-url too.
    static func azureWanted(_ settings: GlobalSettings) -> Bool {
        settings.graphURL == nil || settings.armURL != nil
    }

    /// ARM tokens: PIM_ARM_ACCESS_TOKEN, else the account's refresh token redeemed for ARM, else
    /// `az account get-access-token --resource` with the cloud's ARM URL (the real one even when
    /// --arm-url points elsewhere: it names the token's audience, not where it is sent).
    static func armTokens(
        _ settings: GlobalSettings, _ cloud: GraphCloud, account: DeviceCodeSignIn? = nil
    ) -> ARMTokenChain {
        let armResource = GraphCloud(named: cloud.name)?.armURL.absoluteString ?? cloud.armResource
        return ARMTokenChain(
            environmentToken: settings.armAccessToken,
            account: account.map { ARMAccountTokenProvider(signIn: $0, cloud: cloud) },
            azureCLI: AzureCLITokenProvider(tenant: settings.tenant, resource: armResource))
    }

    static func service(_ settings: GlobalSettings) throws -> any PIMService {
        let settings = try withAccount(settings).0
        let cloud = try cloud(settings)
        let transport = transport(settings)
        let tokens = try tokens(settings, cloud: cloud, transport: transport)
        return graphService(settings, cloud: cloud, transport: transport, tokens: tokens.graph, armTokens: tokens.arm)
    }

    /// The live service with pim's User-Agent and the dashboard hints of this Graph root and tenant;
    /// with `armTokens`, Azure roles through Azure Resource Manager too.
    static func graphService(
        _ settings: GlobalSettings, cloud: GraphCloud, transport: any Transport,
        tokens: any TokenProvider, armTokens: (any TokenProvider)? = nil
    ) -> GraphPIMService {
        let hints = DashboardHintFile(
            directory: URL(fileURLWithPath: settings.paths.cacheDirectory),
            scope: tenantScope(settings, cloud: cloud))
        let userAgent = "pim/\(CommandTable.version)"
        let azure = armTokens.flatMap { tokens in azureWanted(settings) ? tokens : nil }.map {
            ARMRoleService(
                configuration: ARMConfiguration(baseURL: cloud.armURL, userAgent: userAgent), transport: transport,
                tokens: $0)
        }
        return GraphPIMService(
            configuration: GraphConfiguration(baseURL: cloud.graphURL, userAgent: userAgent),
            transport: transport, tokens: tokens, hints: hints, azure: azure)
    }

    /// Who signed in. Read through a first load of the user's roles, which leaves the dashboard hints
    /// behind, so the first `pim` after `pim login` is one round trip too; `/me` alone when that fails.
    static func signedInUser(_ service: GraphPIMService) async -> Principal? {
        if let dashboard = try? await service.loadDashboard(.rolesOnly), !dashboard.me.id.isEmpty {
            return dashboard.me
        }
        return try? await service.currentUser()
    }

    static func login(
        _ settings: GlobalSettings, method: LoginMethod, includeAudit: Bool, console: Console
    ) async throws -> String {
        // `pim login` alone signs in again to the account in use; --tenant signs in to another.
        let settings = method == .deviceCode ? ((try? withAccount(settings).0) ?? settings) : settings
        let cloud = try cloud(settings)
        let transport = transport(settings)
        let marker = azureMarker(settings)
        switch method {
        case .azureCLI:
            let provider = AzureCLITokenProvider(tenant: settings.tenant)
            _ = try await provider.accessToken(claims: nil)
            try? marker.write(Data())
            let me = await signedInUser(graphService(settings, cloud: cloud, transport: transport, tokens: provider))
            return
                """
                Using the Azure CLI's token\(me.map { " as \($0.label)" } ?? ""). It can read PIM but not write: run \
                pim login for activations.
                """
        case .deviceCode:
            _ = try? marker.remove()
            if includeAudit {
                try? auditMarker(settings).write(Data())
            } else {
                _ = try? auditMarker(settings).remove()
            }
            let signIn = deviceCode(settings, cloud: cloud, transport: transport, interactive: true) { prompt in
                console.err(prompt.message)
            }
            try await signIn.signIn()
            let me = await signedInUser(graphService(settings, cloud: cloud, transport: transport, tokens: signIn))
            let who = "Signed in\(me.map { " as \($0.label)" } ?? "")\(settings.tenant.map { " to \($0)" } ?? "")"
            // The sign-in worked but the next command would not find it: say so, and why (exit 1).
            var saveProblem = await signIn.saveProblem
            if saveProblem == nil {
                let account = SignedInAccount(
                    tenant: signInTenant(settings), cloud: settings.cloud,
                    clientId: signInClientId(settings),
                    user: me.flatMap { $0.userPrincipalName ?? $0.displayName })
                do throws(PrivateFileError) { try accounts(settings).remember(account) } catch { saveProblem = error }
            }
            if let problem = saveProblem {
                throw PIMError(
                    .other,
                    "\(who), but the sign-in could not be saved, because \(Sanitizer.sanitize(problem.path)) "
                        + "\(problem.reason): \(problem.fix), then run pim login again.")
            }
            // Azure roles come from the same sign-in where the client may have ARM tokens: say now if not.
            var azure = ""
            if azureWanted(settings) {
                do { _ = try await armTokens(settings, cloud, account: signIn).accessToken(claims: nil) } catch {
                    azure = " " + ErrorWording.sentence(error as? PIMError ?? PIMError(.other, "\(error)"))
                }
            }
            return "\(who); tokens are cached in \(settings.paths.cacheDirectory).\(azure)"
        }
    }

    static func logout(_ settings: GlobalSettings) throws -> String {
        let hadMarker = (try? azureMarker(settings).remove()) ?? false
        _ = try? auditMarker(settings).remove()
        DashboardHintFile.removeAll(in: URL(fileURLWithPath: settings.paths.cacheDirectory))
        let removed: Bool
        let account: SignedInAccount?
        do {
            removed = try cache(settings).clear()
            account = try accounts(settings).forget()
        } catch {
            throw PIMError(
                .other,
                "The token cache could not be deleted (\(error)): delete \(settings.paths.cacheDirectory) by hand.")
        }
        if let account { return "Signed out of \(account.label): the cached tokens were deleted." }
        return removed || hadMarker ? "Signed out: the cached tokens were deleted." : "No cached tokens to delete."
    }

    static func summary(_ settings: GlobalSettings) -> [(String, String)] {
        let (settings, account) = (try? withAccount(settings)) ?? (settings, nil)
        let cloud = try? cloud(settings)
        let armToken =
            settings.armAccessToken != nil
            ? "PIM_ARM_ACCESS_TOKEN" : "the signed-in account's refresh token, else the Azure CLI"
        let token: String
        if settings.accessToken != nil {
            token = "PIM_ACCESS_TOKEN"
        } else if isSet(azureMarker(settings)) {
            token = "Azure CLI"
        } else {
            token = "device code sign-in, cached in \(settings.paths.cacheDirectory)"
        }
        return [
            ("service", "Microsoft Graph"), ("cloud", settings.cloud),
            ("graphURL", cloud?.graphURL.absoluteString ?? settings.graphURL ?? "-"),
            (
                "armURL",
                azureWanted(settings)
                    ? cloud?.armURL.absoluteString ?? settings.armURL ?? "-"
                    : "- (Azure roles need --arm-url when --graph-url is set)"
            ),
            ("tenant", signInTenant(settings)), ("token", token), ("armToken", armToken),
            ("account", account?.label ?? "-"),
        ]
    }
}
