import Foundation
import PIMDomain

/// My roles as a command read them: the rows of "My roles", and why Azure roles are missing when no
/// Azure Resource Manager token could be had. That reason is not a failure: it is said once, and the
/// directory roles and groups are listed and used as ever.
struct RoleListing {
    var entries: [RoleEntry]
    var azureUnavailable: PIMError?
    /// Why what groups give could not be read (wholly or partly); the rows are whole without it.
    var confersUnread: PIMError? = nil

    /// Finds TARGET words among the rows, with the `--owner` and `--scope` the command was given. An
    /// Azure TARGET while Azure roles are missing fails with the reason.
    func resolver(_ invocation: Invocation) -> TargetResolver {
        TargetResolver(
            entries: entries, owner: invocation.has(.owner), scope: invocation.value(.scope),
            azureUnavailable: azureUnavailable)
    }

    /// The rows `words` name, each once, in the order given. Why Azure roles are missing is said once
    /// here, whether the words are found or not (a name not found may be an Azure role pim cannot see),
    /// unless an Azure word fails with that very reason.
    func resolve(_ words: [String], context: CommandContext) throws -> [RoleEntry] {
        let resolver = resolver(context.invocation)
        var targets: [RoleEntry] = []
        do {
            for word in words {
                let entry = try resolver.resolve(word)
                if !targets.contains(where: { $0.target.id == entry.target.id }) { targets.append(entry) }
            }
        } catch let error as PIMError where error == azureUnavailable.map(TargetResolver.signInNeeded) {
            throw error
        } catch {
            announceAzureUnavailable(context)
            throw error
        }
        announceAzureUnavailable(context)
        return targets
    }

    /// Says once, on stderr, why Azure roles are missing and how to get them.
    func announceAzureUnavailable(_ context: CommandContext) {
        Commands.announceAzureUnavailable(azureUnavailable, context)
    }
}

extension Commands {
    /// Says once, on stderr, why Azure roles are missing and how to get them. The sentence may quote
    /// what ARM said about a token: masked again here, now that pim knows the environment's tokens.
    static func announceAzureUnavailable(_ why: PIMError?, _ context: CommandContext) {
        guard let why else { return }
        context.notice(SecretMask.mask(ErrorWording.sentence(why)))
    }

    /// After a listing that has an Azure half (requests, approvals, elevations, history): why it was left out.
    static func announceAzureUnavailable(of service: any PIMService, _ context: CommandContext) async {
        announceAzureUnavailable(await service.azureUnavailability(), context)
    }
}
