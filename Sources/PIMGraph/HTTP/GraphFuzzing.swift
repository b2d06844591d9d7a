import Foundation
import PIMDomain

/// Everything that reads bytes from Graph, reachable from one call so a fuzzer (PIMFuzz `graph-json`)
/// can drive it with arbitrary input. Not part of the stable API: `@_spi(Fuzzing)`.
///
/// Each call runs the input through the decoders of every Graph response the client reads (pages of
/// requests, eligibilities, assignments, policies, approvals, audit events), the `$batch` answer
/// parser, the error mapper (for the statuses it treats differently), the claims-challenge header
/// reader and `Retry-After`; and the same for Azure Resource Manager's answers. It returns normally
/// for any input; a violated invariant traps.
@_spi(Fuzzing)
public enum GraphFuzzing {
    /// Invariants checked on every input:
    /// - decoding and mapping never crash;
    /// - every `PIMError` built from a response has a non-empty message free of terminal controls;
    /// - a `Retry-After` read from the input is finite and not negative.
    public static func exercise(_ data: Data) {
        let decoder = GraphDate.decoder()
        if let page = try? decoder.decode(GraphPage<ScheduleRequestDTO>.self, from: data) {
            for dto in page.value { _ = dto.request(names: [:]).auditEvent }
        }
        if let page = try? decoder.decode(GraphPage<RoleInstanceDTO>.self, from: data) {
            for dto in page.value { _ = (dto.eligibility, dto.assignment) }
        }
        if let page = try? decoder.decode(GraphPage<GroupInstanceDTO>.self, from: data) {
            for dto in page.value { _ = (dto.eligibility, dto.assignment) }
        }
        if let page = try? decoder.decode(GraphPage<PolicyAssignmentDTO>.self, from: data) {
            _ = page.value.compactMap(\.activationPolicy)
        }
        if let page = try? decoder.decode(GraphPage<DirectoryAuditDTO>.self, from: data) {
            _ = page.value.map(\.event)
        }
        if let approval = try? decoder.decode(ApprovalDTO.self, from: data) { _ = approval.approval.openStageForMe }
        if let me = try? decoder.decode(PrincipalDTO.self, from: data) { _ = me.principal(fallbackId: "") }
        if let batch = try? GraphClient.parseBatchResponse(data) {
            for response in batch.values { check(GraphErrorMapper.map(response)) }
        }
        exerciseARM(data)

        let text = String(decoding: data, as: UTF8.self)
        for status in [400, 401, 403, 404, 409, 429, 500, 503, 599, 302] {
            check(
                GraphErrorMapper.map(
                    HTTPResponse(status: status, headers: ["WWW-Authenticate": text, "request-id": text], body: data)))
        }
        _ = GraphErrorMapper.insufficientClaims(text)
        _ = GraphErrorMapper.claimsParameter(in: text)
        _ = GraphErrorMapper.policyRules(in: text)
        if let claims = GraphErrorMapper.claimsParameter(in: text) {
            _ = CreatingWrite.authenticationContext(in: claims)
        }
        if let wait = RetryPolicy.retryAfter(["Retry-After": text], now: Date(timeIntervalSince1970: 1_800_000_000)) {
            precondition(wait.isFinite && wait >= 0, "Retry-After gave \(wait)")
        }
        _ = RetryPolicy.standard.decide(
            status: 429, headers: ["Retry-After": text], attempt: 1, elapsed: 0, random: 0.5)
    }

    /// The Azure Resource Manager readers: instances, requests, approvals, policies, subscriptions and
    /// management groups (pages keyed `nextLink`), the `/batch` answer, and the ARM error mapper.
    private static func exerciseARM(_ data: Data) {
        let decoder = GraphDate.decoder()
        decoder.userInfo[.nextLinkKey] = ServiceDialect.arm.nextLinkKey
        if let page = try? decoder.decode(GraphPage<Lenient<ARMSubscriptionDTO>>.self, from: data) {
            let subscriptions = page.value.compactMap(\.value)
            let groups = (try? decoder.decode(GraphPage<Lenient<ARMManagementGroupDTO>>.self, from: data))?.value
            let names = ARMScopeNames(subscriptions: subscriptions, managementGroups: groups?.compactMap(\.value) ?? [])
            if let instances = try? decoder.decode(GraphPage<ARMInstanceDTO>.self, from: data) {
                for dto in instances.value { _ = (dto.eligibility(names: names), dto.assignment(names: names)) }
            }
            if let requests = try? decoder.decode(GraphPage<ARMRequestDTO>.self, from: data) {
                for dto in requests.value { _ = dto.request(names: names).auditEvent }
            }
        }
        if let page = try? decoder.decode(GraphPage<ARMApprovalDTO>.self, from: data) {
            _ = page.value.map(\.approval.openStageForMe)
        }
        if let approval = try? decoder.decode(ARMApprovalDTO.self, from: data) { _ = approval.approval.openStageForMe }
        if let page = try? decoder.decode(GraphPage<Lenient<ARMPolicyAssignmentDTO>>.self, from: data) {
            _ = page.value.compactMap { $0.value?.activationPolicy }
        }
        if let batch = try? GraphClient.parseARMBatchResponse(data) {
            for response in batch.values { check(ARMErrorMapper.map(response)) }
        }
        let text = String(decoding: data, as: UTF8.self)
        for status in [400, 401, 403, 404, 409, 429, 500, 302] {
            check(
                ARMErrorMapper.map(
                    HTTPResponse(
                        status: status, headers: ["WWW-Authenticate": text, "x-ms-request-id": text, "Location": text],
                        body: data)))
        }
        _ = ARMErrorMapper.forbiddenSentence(text)
    }

    private static func check(_ error: PIMError) {
        precondition(!error.description.isEmpty, "empty error message")
        precondition(
            Sanitizer.isClean(error.description),
            "terminal control in error message: \(Sanitizer.sanitize(error.description))")
    }
}
