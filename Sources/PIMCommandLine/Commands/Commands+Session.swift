import Foundation
import PIMDomain

extension OptionSpec {
    static let deviceCode = OptionSpec("device-code", help: "Sign in with the device code flow (the default).")
    static let azureCLI = OptionSpec(
        "azure-cli",
        help: "Use the Azure CLI's token (read-only: PIM writes need pim login).")
    static let audit = OptionSpec(
        "audit",
        help: "Also ask for AuditLog.Read.All and Directory.Read.All, which pim history --all needs "
            + "(an administrator must have consented).")
}

extension Command {
    static let login = Command(
        CommandSpec(
            "login", abstract: "Sign in and cache the tokens.",
            discussion: "Uses the device code flow by default: pim prints a code and a URL to open.",
            options: [.deviceCode, .azureCLI, .audit],
            examples: [
                Example("pim login --tenant contoso.onmicrosoft.com", "Sign in to a tenant."),
                Example("pim login --audit", "Sign in with the audit-log permissions too."),
            ],
            exclusive: [[.deviceCode, .azureCLI], [.azureCLI, .audit]], usesService: false
        )
    ) { try await Commands.login($0) }

    static let logout = Command(
        CommandSpec(
            "logout", abstract: "Delete the cached tokens.",
            examples: [Example("pim logout", "Forget the sign-in on this machine.")], usesService: false
        )
    ) { try Commands.logout($0) }

    static let whoami = Command(
        CommandSpec(
            "whoami", abstract: "Show who pim acts as, and where.",
            examples: [Example("pim --demo --as ben whoami", "The demo approver.")]
        )
    ) { try await Commands.whoami($0) }

    static let demo = Command(
        CommandSpec(
            "demo", abstract: "Manage the built-in simulated tenant.",
            discussion: "reset starts the simulated tenant afresh; personas lists who one can act as with --as. "
                + "To rehearse a bad network, run pim --demo with these variables: "
                + "PIM_SIM_LATENCY_MS=800 delays every answer by 800 ms "
                + "(at or over the 30 s request timeout it times out); "
                + "PIM_SIM_FAULTS=429:0.2,timeout:0.05 makes that share of requests fail, with the kinds 429 "
                + "(throttled, with Retry-After), "
                + "500, 503, 504, timeout, malformed (a cut answer) and expired-token (a 401), rates from 0 to 1 "
                + "adding up to 1 at most; "
                + "PIM_SIM_SEED=7 replays the same faults run after run; "
                + "PIM_SIM_SCALE=2000 gives you 2000 more eligible roles and the tenant 2000 more audit events "
                + "(the tenant is seeded afresh when it changes).",
            arguments: [.demoAction],
            examples: [
                Example("pim demo reset", "Start the demo afresh."),
                Example("pim demo personas", "Who can I act as?"),
                Example(
                    "PIM_SIM_FAULTS=503:0.3 PIM_SIM_LATENCY_MS=800 pim --demo roles",
                    "Rehearse a slow service that often answers 503."),
            ],
            usesService: false
        )
    ) { try Commands.demo($0) }
}

extension Command {
    static let completion = Command(
        CommandSpec(
            "completion", abstract: "Print a shell completion script.",
            discussion: "Role, group and Azure role names are completed from the list the last pim roles cached "
                + "(an Azure role held at several scopes as azure:ROLE@SCOPE, once per scope).",
            arguments: [.shell],
            examples: [
                Example("source <(pim completion bash)", "Enable completion in the current bash."),
                Example("pim completion fish > ~/.config/fish/completions/pim.fish", "Install for fish."),
            ],
            usesService: false
        )
    ) { Commands.completion($0) }

    static let help = Command(
        CommandSpec(
            "help", abstract: "Show help for a command.",
            arguments: [.commandName],
            examples: [Example("pim help activate", "The options and examples of activate.")],
            usesService: false
        )
    ) { try Commands.help($0) }

    static let complete = Command(
        CommandSpec(
            "__complete", abstract: "Print completion candidates (used by the completion scripts).",
            arguments: [.candidateKind],
            hidden: true, usesService: false
        )
    ) { Commands.complete($0) }

    static let manPage = Command(
        CommandSpec(
            "__manpage", abstract: "Print the man page (docs/pim.1).", hidden: true, usesService: false
        )
    ) { Commands.manPage($0) }
}

extension Commands {
    /// `pim login [--device-code | --azure-cli]`.
    static func login(_ context: CommandContext) async throws -> Int32 {
        if context.settings.demo {
            context.report(
                """
                The demo tenant needs no sign-in: you act as \(context.settings.persona ?? "ada") (pick another with \
                --as).
                """
            )
            return 0
        }
        let method: LoginMethod = context.invocation.has(.azureCLI) ? .azureCLI : .deviceCode
        let message = try await context.host.login(
            context.settings, method: method,
            includeAudit: context.invocation.has(.audit),
            console: context.console)
        context.report(safeLines(message))
        return 0
    }

    /// `pim logout`.
    static func logout(_ context: CommandContext) throws -> Int32 {
        context.report(safeLines(try context.host.logout(context.settings)))
        return 0
    }

    /// `pim whoami`: the signed-in user and where pim connects.
    static func whoami(_ context: CommandContext) async throws -> Int32 {
        let service = try await context.service()
        let me = try await service.currentUser()
        let summary = context.host.connectionSummary(context.settings)
        if context.json {
            var fields: [(String, JSONValue)] = [
                ("id", .string(me.id)), ("displayName", .string(me.displayName)),
                ("userPrincipalName", .string(me.userPrincipalName)),
                ("demo", .bool(context.settings.demo)),
                ("persona", .string(context.settings.demo ? (context.settings.persona ?? "ada") : nil)),
            ]
            let taken = Set(fields.map(\.0))
            // "-" is how the summary says "none": JSON says null.
            fields += summary.filter { !taken.contains($0.0) }.map {
                ($0.0, $0.1 == "-" ? JSONValue.null : .string($0.1))
            }
            context.print(.object(fields))
            return 0
        }
        var table = Table([.init("FIELD"), .init("VALUE", flexible: true)])
        table.add([Table.Cell("user"), Table.Cell(text(me.label), style: .bold)])
        if let upn = me.userPrincipalName { table.add([Table.Cell("userPrincipalName"), Table.Cell(text(upn))]) }
        table.add([Table.Cell("id"), Table.Cell(text(me.id))])
        for (label, value) in summary { table.add([Table.Cell(text(label)), Table.Cell(text(value))]) }
        context.print(table)
        return 0
    }

    /// `pim demo reset|personas`.
    static func demo(_ context: CommandContext) throws -> Int32 {
        switch context.invocation.required(.demoAction) {
        case "reset":
            context.report(safeLines(try context.host.demoReset(context.settings)))
        default:
            let personas = context.host.demoPersonas(context.settings)
            if context.json {
                context.print(
                    .array(
                        personas.map { persona in
                            .object([
                                ("name", .string(persona.name)), ("displayName", .string(persona.displayName)),
                                ("userPrincipalName", .string(persona.userPrincipalName)),
                                ("summary", .string(persona.summary)), ("default", .bool(persona.isDefault)),
                            ])
                        }))
                return 0
            }
            var table = Table([
                .init("PERSONA"), .init("NAME", flexible: true, names: true), .init("DOES", flexible: true),
            ])
            for persona in personas {
                table.add([
                    Table.Cell(text(persona.name + (persona.isDefault ? " (default)" : "")), style: .bold),
                    Table.Cell(text(persona.displayName)), Table.Cell(text(persona.summary)),
                ])
            }
            context.print(table)
            context.notice("Act as one with pim --demo --as PERSONA COMMAND.")
        }
        return 0
    }

    /// `pim completion bash|zsh|fish`.
    static func completion(_ context: CommandContext) -> Int32 {
        context.console.writeOut(Completions.script(for: context.invocation.required(.shell)))
        return 0
    }

    /// `pim help [COMMAND]`.
    static func help(_ context: CommandContext) throws -> Int32 {
        guard let name = context.invocation.value(.commandName) else {
            context.console.writeOut(HelpText.overview())
            return 0
        }
        guard let command = CommandTable.command(named: name), !command.hidden else {
            throw UsageError(
                "Unknown command \"\(name)\"."
                    + Suggestion.sentence(for: name, in: CommandTable.visibleCommands.map(\.name))
                    + " Run pim --help to see every command.")
        }
        context.console.writeOut(HelpText.help(for: command))
        return 0
    }

    /// `pim __complete targets|personas|requests|approvals|reviews`: candidates for the completion scripts,
    /// from the cache only (completion must never wait for the network).
    static func complete(_ context: CommandContext) -> Int32 {
        switch context.invocation.required(.candidateKind) {
        case "targets":
            if let text = TargetNamesFile.read(context.settings.paths.targetNamesCache) {
                context.console.writeOut(text)
            }
        case "requests", "approvals", "reviews":
            let paths = context.settings.paths
            let file =
                switch context.invocation.required(.candidateKind) {
                case "requests": paths.myRequestIdsCache
                case "approvals": paths.approvalIdsCache
                default: paths.reviewDecisionIdsCache
                }
            if let text = TargetNamesFile.read(file) {
                context.console.writeOut(text)
            }
        default:
            let names = context.host.demoPersonas(context.settings).map(\.name)
            context.console.writeOut(names.map { $0 + "\n" }.joined())
        }
        return 0
    }

    /// `pim __manpage`: the man page docs/pim.1 is generated from.
    static func manPage(_ context: CommandContext) -> Int32 {
        context.console.writeOut(ManPage.render())
        return 0
    }
}

extension ArgumentSpec {
    static let demoAction = ArgumentSpec("ACTION", help: "What to do.", choices: ["reset", "personas"])
    static let shell = ArgumentSpec("SHELL", help: "The shell to complete for.", choices: ["bash", "zsh", "fish"])
    static let commandName = ArgumentSpec(
        "COMMAND", help: "The command to explain.", optional: true, completion: .commands)
    static let candidateKind = ArgumentSpec(
        "KIND", help: "targets, personas, requests or approvals.",
        choices: ["targets", "personas", "requests", "approvals", "reviews"])
}
