import Foundation
import Testing

/// The built binary against a 127.0.0.1 "Graph" whose `$batch` fails one section (500, 503 or 403)
/// while the others load. A listing missing a section is never printed as if whole (exit 5, stdout
/// empty, one sentence naming the sections), and a command that finds its target by name from such a
/// listing says the read failed instead of "not eligible" or "nothing to deactivate", and sends nothing.
@Suite struct IncompleteListingTests {
    typealias Section = SectionGraph.Section

    struct Run {
        var result: PimBinary.Result
        var writes: [String]
    }

    func run(_ arguments: [String], failing: Set<Section>, status: Int) throws -> Run {
        let graph = SectionGraph(failing: failing, status: status)
        let server = try RoutingHTTPServer(route: graph.route)
        defer { server.stop() }
        let result = try PimBinary.run(
            arguments, in: Sandbox(),
            environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": "test-token"])
        let writes = server.requests.filter { $0.method != "GET" && !$0.path.hasSuffix("/$batch") }.map(\.path)
        return Run(result: result, writes: writes)
    }

    static let listings: [([String], Set<Section>, Int, String)] = [
        (
            ["roles", "-o", "json"], [.eligibleRoles, .eligibleGroups], 500,
            "your eligible roles and your eligible groups"
        ),
        (
            ["roles", "-o", "json"], [.eligibleRoles, .eligibleGroups], 403,
            "your eligible roles and your eligible groups"
        ),
        (["roles"], [.eligibleRoles], 500, "your eligible roles"),
        (["roles", "--active", "-o", "json"], [.activeGroups], 403, "your active groups"),
        (["elevations", "-o", "json"], [.groupElevations], 500, "the tenant's elevations"),
        (["elevations"], [.eligibleGroups], 403, "the tenant's elevations"),
        (["requests", "-o", "json"], [.groupRequests], 403, "your requests"),
        (["requests"], [.groupRequests], 403, "your requests"),
        (["approvals", "-o", "json"], [.groupApprovals], 403, "the requests waiting for your approval"),
        (["history", "-o", "json"], [.groupRequests], 403, "your requests"),
    ]

    @Test(arguments: listings)
    func aListingMissingASectionExits5AndNamesIt(
        arguments: [String], failing: Set<Section>, status: Int, names: String
    ) throws {
        let result = try run(arguments, failing: failing, status: status).result
        #expect(result.code == 5, "\(result)")
        #expect(result.stdout.isEmpty, "no rows that look complete: \(result)")
        #expect(result.stderr.hasPrefix("pim: "), "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one sentence: \(result.stderr)")
        #expect(result.stderr.hasPrefix("pim: Could not read \(names) ("), "\(result.stderr)")
        // The next step of what failed: try again for a server error, permissions for a 403.
        let step =
            status == 403
            ? "so the listing is incomplete: you may need a directory role" : "so the listing is incomplete: try again"
        #expect(result.stderr.contains(step), "\(result.stderr)")
    }

    static let resolvers: [([String], Set<Section>, Int)] = [
        (
            ["activate", "Security Reader", "--justification", "INC-1 disk full", "--duration", "1h"], [.eligibleRoles],
            500
        ),
        (
            ["activate", "Security Reader", "--justification", "INC-1 disk full", "--duration", "1h"], [.eligibleRoles],
            503
        ),
        (["activate", "Finance Admins", "--justification", "INC-1 disk full"], [.eligibleGroups], 403),
        (["deactivate", "Global Reader"], [.activeRoles], 500),
        (["deactivate", "Security Reader"], [.activeRoles], 503),
        (["extend", "Global Reader", "--duration", "1h"], [.activeRoles], 500),
        (["cancel", SectionGraph.groupRequestId], [.groupRequests], 403),
        (["approve", SectionGraph.approvalId, "--justification", "looks right"], [.groupApprovals], 403),
        (["deny", SectionGraph.approvalId, "--justification", "not now"], [.groupApprovals], 500),
    ]

    @Test(arguments: resolvers)
    func aTargetLookedUpInAFailedListingIsAReadFailureNotARefusal(
        arguments: [String], failing: Set<Section>, status: Int
    ) throws {
        let run = try run(arguments, failing: failing, status: status)
        let result = run.result
        #expect(result.code == 5, "\(result)")
        #expect(result.stderr.contains("Could not read"), "\(result.stderr)")
        #expect(!result.stderr.contains("no eligible role"), "\(result.stderr)")
        #expect(
            !result.stderr.contains("nothing to deactivate") && !result.stdout.contains("nothing to deactivate"),
            "\(result)")
        #expect(run.writes.isEmpty, "nothing sent on a guess: \(run.writes)")
    }
}
