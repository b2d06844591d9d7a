import Foundation

/// One authenticated request as the routes see it.
struct RequestContext {
    var method: String
    var target: GraphTarget
    var query: ODataQuery
    var body: SimJSON?
    var contentType: String?
    var caller: TenantUser
    var token: TenantToken
    var now: Date
    /// `https://graph.microsoft.com` (whatever host the client used), for `@odata.context` and `@odata.nextLink`.
    var origin: String
    var pageSize: Int

    var version: String { target.version }
    var isBeta: Bool { version == "beta" }

    func requireMethod(_ allowed: String...) throws {
        guard allowed.contains(method) else { throw GraphFailure.methodNotAllowed }
    }

    /// The JSON object body of a POST/PATCH; Graph refuses other media types and unparsable bodies.
    func jsonBody() throws -> SimJSON {
        guard let body else {
            throw GraphFailure.badRequest("Empty Payload. JSON content expected.")
        }
        guard body.objectMembers != nil else {
            throw GraphFailure.badRequest(
                """
                Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid \
                JSON format.
                """
            )
        }
        return body
    }

    /// Writes need a PIM write scope in the token; without one Graph answers 403 with the service's
    /// nested `PermissionScopeNotGranted` JSON inside the message.
    func requireWriteScope(_ kind: TargetKind) throws {
        guard let scopes = token.scopes else { return }
        let accepted =
            kind == .role
            ? ["RoleAssignmentSchedule.ReadWrite.Directory", "RoleManagement.ReadWrite.Directory"]
            : ["PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.ReadWrite.AzureADGroup"]
        guard !scopes.contains(where: { s in accepted.contains { $0.caseInsensitiveCompare(s) == .orderedSame } })
        else { return }
        let groupScopes = """
            PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup,PrivilegedAccess.ReadWrite.AzureADGroup,\
            PrivilegedAssignmentSchedule.Remove.AzureADGroup
            """
        let named =
            kind == .role
            ? "RoleAssignmentSchedule.ReadWrite.Directory,RoleManagement.ReadWrite.Directory" : groupScopes
        let inner: SimJSON = [
            "errorCode": "PermissionScopeNotGranted",
            "message": .string("Authorization failed due to missing permission scope \(named)."),
            "instanceAnnotations": [],
        ]
        throw GraphFailure(status: 403, code: "UnknownError", message: inner.text)
    }

    func contextURL(_ fragment: String) -> String { "\(origin)/\(version)/$metadata#\(fragment)" }
}

/// Building collection responses: `$filter`, paging with `@odata.nextLink`, `$expand`, `$select`.
extension RequestContext {
    typealias Expander = (ODataQuery.ExpandItem, SimJSON) throws -> SimJSON

    func collection(
        _ items: [SimJSON], type: String, context: String, expandable: Set<String> = [],
        expander: Expander? = nil
    ) throws -> TenantResponse {
        try collection(items, shape: { $0 }, type: type, context: context, expandable: expandable, expander: expander)
    }

    /// A page of `items` as the service prints it. Items become JSON only as the page is filled
    /// (the filter reads the JSON), and the skip token holds a position in `items`, so paging
    /// through a large tenant costs one page of work per request, not the whole collection.
    func collection<T>(
        _ items: [T], shape: (T) -> SimJSON, type: String, context: String,
        expandable: Set<String> = [], expander: Expander? = nil
    ) throws -> TenantResponse {
        let properties = Set((items.first.map(shape)?.keys ?? []).map { $0.lowercased() })
        if let filter = query.filter, !properties.isEmpty {
            for path in filter.paths where !properties.contains(path[0].lowercased()) {
                throw GraphFailure.badRequest(
                    """
                    Invalid filter clause: Could not find a property named '\(path[0])' on type \
                    'microsoft.graph.\(type)'.
                    """
                )
            }
        }
        try checkProjection(type: type, properties: properties, expandable: expandable)
        let size = min(query.top ?? pageSize, 999)
        var position = 0
        if let token = query.skipToken {
            guard let n = Self.offset(fromSkipToken: token), n >= 0 else {
                throw GraphFailure.badRequest("The $skiptoken value is not valid; request the first page again.")
            }
            position = n
        }
        var page: [SimJSON] = []
        var next: Int?
        while position < items.count {
            let json = shape(items[position])
            if query.filter.map({ $0.matches(json) }) ?? true {
                if page.count == size { next = position; break }
                page.append(json)
            }
            position += 1
        }
        var members: [(String, SimJSON)] = [("@odata.context", .string(contextURL(context)))]
        if query.count, query.skipToken == nil {
            let total = query.filter.map { f in items.reduce(0) { $0 + (f.matches(shape($1)) ? 1 : 0) } } ?? items.count
            members.append(("@odata.count", .int(total)))
        }
        if let next, size > 0 { members.append(("@odata.nextLink", .string(nextLink(offset: next)))) }
        members.append(("value", .array(try page.map { try self.shape($0, expander: expander) })))
        return .json(.object(members))
    }

    func entity(
        _ item: SimJSON, type: String, context: String, expandable: Set<String> = [],
        expander: Expander? = nil
    ) throws -> TenantResponse {
        try checkProjection(type: type, properties: Set(item.keys.map { $0.lowercased() }), expandable: expandable)
        let shaped = try shape(item, expander: expander)
        return .json(.object([("@odata.context", .string(contextURL(context)))] + (shaped.objectMembers ?? [])))
    }

    private func checkProjection(type: String, properties: Set<String>, expandable: Set<String>) throws {
        for item in query.expand where !expandable.contains(item.name) {
            throw GraphFailure.badRequest(
                "Could not find a property named '\(item.name)' on type 'microsoft.graph.\(type)'.")
        }
        if let select = query.select, !properties.isEmpty {
            for name in select
            where name != "*" && !properties.contains(name.lowercased()) && !expandable.contains(name) {
                throw GraphFailure.badRequest(
                    "Could not find a property named '\(name)' on type 'microsoft.graph.\(type)'.")
            }
        }
    }

    private func shape(_ item: SimJSON, expander: Expander?) throws -> SimJSON {
        var result = item
        for expand in query.expand {
            guard let expander else { continue }
            result = result.setting(expand.name, try expander(expand, item))
        }
        if let select = query.select, !select.contains("*") {
            result = Self.select(result, select + query.expand.map(\.name))
        }
        return result
    }

    static func select(_ item: SimJSON, _ names: [String]) -> SimJSON {
        let wanted = Set(names.map { $0.lowercased() })
        guard let members = item.objectMembers else { return item }
        return .object(
            members.filter { $0.0.hasPrefix("@odata") || wanted.contains($0.0.lowercased()) || $0.0 == "id" })
    }

    /// Applies an expand item's nested `$select` to an expanded object.
    static func nested(_ value: SimJSON, _ item: ODataQuery.ExpandItem) -> SimJSON {
        guard let select = item.select else { return value }
        return Self.select(value, select)
    }

    private func nextLink(offset: Int) -> String {
        let kept = target.query.filter { $0.0.lowercased() != "$skiptoken" && $0.0.lowercased() != "skiptoken" }
        let pairs =
            kept.map { "\($0.0)=\(GraphTarget.encodeQueryValue($0.1))" } + ["$skiptoken=\(Self.skipToken(offset))"]
        let path = target.segments.map { GraphTarget.encodeQueryValue($0) }.joined(separator: "/")
        return "\(origin)/\(version)/\(path)?\(pairs.joined(separator: "&"))"
    }

    static func skipToken(_ offset: Int) -> String {
        TenantToken.base64url(Data("pimsim-page:\(offset)".utf8))
    }

    static func offset(fromSkipToken token: String) -> Int? {
        guard let data = TenantToken.fromBase64url(token), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("pimsim-page:")
        else { return nil }
        return Int(text.dropFirst("pimsim-page:".count))
    }
}
