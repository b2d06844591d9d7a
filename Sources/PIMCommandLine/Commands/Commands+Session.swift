import Foundation
import PIMDomain

extension Commands {
    /// `pim login [--device-code | --azure-cli]`.
    static func login(_ context: CommandContext) async throws -> Int32 {
        if context.settings.demo {
            context.report("The demo tenant needs no sign-in: you act as \(context.settings.persona ?? "ada") (pick another with --as).")
            return 0
        }
        let method: LoginMethod = context.invocation.has("azure-cli") ? .azureCLI : .deviceCode
        let message = try await context.host.login(context.settings, method: method, includeAudit: context.invocation.has("audit"),
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
            fields += summary.filter { !taken.contains($0.0) }.map { ($0.0, $0.1 == "-" ? JSONValue.null : .string($0.1)) }
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
        switch context.invocation.positionals[0] {
        case "reset":
            context.report(safeLines(try context.host.demoReset(context.settings)))
        default:
            let personas = context.host.demoPersonas(context.settings)
            if context.json {
                context.print(.array(personas.map { persona in
                    .object([("name", .string(persona.name)), ("displayName", .string(persona.displayName)),
                             ("userPrincipalName", .string(persona.userPrincipalName)),
                             ("summary", .string(persona.summary)), ("default", .bool(persona.isDefault))])
                }))
                return 0
            }
            var table = Table([.init("PERSONA"), .init("NAME", flexible: true, names: true), .init("DOES", flexible: true)])
            for persona in personas {
                table.add([Table.Cell(text(persona.name + (persona.isDefault ? " (default)" : "")), style: .bold),
                           Table.Cell(text(persona.displayName)), Table.Cell(text(persona.summary))])
            }
            context.print(table)
            context.notice("Act as one with pim --demo --as PERSONA COMMAND.")
        }
        return 0
    }

    /// `pim completion bash|zsh|fish`.
    static func completion(_ context: CommandContext) -> Int32 {
        context.console.writeOut(Completions.script(for: context.invocation.positionals[0]))
        return 0
    }

    /// `pim help [COMMAND]`.
    static func help(_ context: CommandContext) throws -> Int32 {
        guard let name = context.invocation.positionals.first else {
            context.console.writeOut(HelpText.overview())
            return 0
        }
        guard let command = CommandTable.command(named: name), !command.hidden else {
            throw UsageError("Unknown command \"\(name)\"."
                             + Suggestion.sentence(for: name, in: CommandTable.visibleCommands.map(\.name))
                             + " Run pim --help to see every command.")
        }
        context.console.writeOut(HelpText.help(for: command))
        return 0
    }

    /// `pim __complete targets|personas`: candidates for the completion scripts, from the cache
    /// only (completion must never wait for the network).
    static func complete(_ context: CommandContext) -> Int32 {
        switch context.invocation.positionals[0] {
        case "targets":
            if let text = TargetNamesFile.read(context.settings.paths.targetNamesCache) {
                context.console.writeOut(text)
            }
        default:
            let names = context.host.demoPersonas(context.settings).map(\.name)
            context.console.writeOut(names.map { $0 + "\n" }.joined())
        }
        return 0
    }
}
