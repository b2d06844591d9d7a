import Foundation
import PIMDomain
import PIMTables

extension Command {
    static let requests = Command(
        CommandSpec(
            "requests", abstract: "List my requests, newest first (pending ones marked).",
            examples: [Example("pim requests --output json", "My requests for a script.")]
        )
    ) { try await Commands.requests($0) }

    static let cancel = Command(
        CommandSpec(
            "cancel", abstract: "Cancel one or several of my pending requests.",
            arguments: [
                .myRequestIds.with(
                    help: "The id shown by pim requests, or a unique prefix of at least 8 characters of it.")
            ],
            examples: [
                Example(
                    "pim cancel 9f2b5ddb-a50e-44a1-a6f4-f616322262ea",
                    "Withdraw a request waiting for approval.")
            ]
        )
    ) { try await Commands.cancel($0) }
}

extension Commands {
    /// A request's target as a TARGET word: `azure:ROLE@SCOPENAME` for an Azure role (the scope tells
    /// the same role at two scopes apart), a role's or group's name as it is.
    static func written(_ target: ElevationTarget) -> String {
        guard target.kind.family == .azure else { return target.displayName }
        return TargetFamily.azure.written(target.displayName) + "@" + target.scopeLabel
    }

    /// `pim requests`: my requests, newest first, pending ones marked.
    static func requests(_ context: CommandContext) async throws -> Int32 {
        let service = try await context.service()
        let requests = try await service.myRequests().sorted(by: ElevationRequest.newestFirst)
        cacheMyRequestIds(requests, context: context)
        await announceAzureUnavailable(of: service, context)
        let now = context.clock.now()
        if context.json {
            context.print(.array(requests.map { JSONRows.request($0, now: now) }))
            return 0
        }
        if requests.isEmpty {
            context.say("You have no requests.")
            return 0
        }
        let table = Table(Tables.requests, rows: requests, context: context.columns)
        context.print(table)
        if requests.contains(where: { $0.status.isPending }) {
            context.notice("* pending: cancel one with pim cancel ID.")
        }
        return 0
    }

    /// `pim cancel REQUEST_ID...`: every id resolved first, then each request cancelled in turn.
    static func cancel(_ context: CommandContext) async throws -> Int32 {
        let typed = context.invocation.values(.myRequestIds)
        let service = try await context.service()
        let mine = try await service.myRequests()
        let resolved = try IdPrefixResolver.resolveAll(typed, among: mine, ids: { [$0.id] }, command: "cancel")
        return try await eachId(resolved, key: \.id, context: context) { typedId, request in
            try await cancelOne(typedId, request, service: service, context)
        }
    }

    static func cancelOne(
        _ typedId: String, _ request: ElevationRequest?, service: any PIMService, _ context: CommandContext
    ) async throws -> JSONValue? {
        guard let request else {
            throw PIMError(.notFound, "You have no request with id \(typedId): run pim requests to see their ids.")
        }
        guard request.status.isCancelable else {
            let hint =
                request.status == .provisioned
                ? " To end the access, run pim deactivate \"\(written(request.target))\"." : ""
            throw Refusal(
                "Request \(request.id) is \(request.status.graphValue), not pending, so it cannot be cancelled.\(hint)")
        }
        try await service.cancel(request)
        var canceled = request
        canceled.status = .canceled
        if context.json { return JSONRows.request(canceled, now: context.clock.now()) }
        context.say(safeLines("Cancelled request \(request.id) for \(spoken(request.target))."))
        return nil
    }
}
