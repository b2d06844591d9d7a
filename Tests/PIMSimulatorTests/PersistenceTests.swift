import Foundation
import Testing
import PIMGraph
import Synchronization
@testable import PIMSimulator

/// The state file: shared between tenants, atomic, locked, corrupt files moved aside.
@Suite struct PersistenceTests {
    func temporaryStateFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pim-sim-\(UUID().uuidString)")
            .appendingPathComponent("demo-tenant.json")
    }

    func tenant(
        _ file: URL, persona: String = "ada", report: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> SimulatedTenant {
        try SimulatedTenant(
            configuration: SimulatorConfiguration(stateFile: file, persona: persona, now: { testStart }, report: report)
        )
    }

    @Test func anActivationIsSeenByTheNextProcess() async throws {
        let file = temporaryStateFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let first = RawClient(try tenant(file))
        #expect(try await first.post(roleRequests, activation(role: IDs.helpdeskAdmin)).status == 201)
        #expect(FileManager.default.fileExists(atPath: file.path))
        let second = RawClient(try tenant(file))
        #expect(
            try await second.get(myActiveRoles).json.items.contains { $0.str("roleDefinitionId") == IDs.helpdeskAdmin })
        try SimulatedTenant.reset(stateFile: file)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let third = RawClient(try tenant(file))
        #expect(
            !(try await third.get(myActiveRoles).json.items.contains {
                $0.str("roleDefinitionId") == IDs.helpdeskAdmin
            })
        )
    }

    @Test func aCorruptFileIsReportedMovedAsideAndReplaced() async throws {
        let file = temporaryStateFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"tenantId\": tru".utf8).write(to: file)
        let reports = Reports()
        let client = RawClient(try tenant(file, report: { reports.add($0) }))
        let reply = try await client.get("/me")
        #expect(reply.status == 200)
        #expect(reports.all.count == 1)
        #expect(reports.all.first?.contains("moved to") == true)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(siblings.contains { $0.hasPrefix("demo-tenant.json.corrupt-") })
        #expect(parseObject(try Data(contentsOf: file)) != nil)
    }

    /// A state written by an earlier version (another layout) is moved aside with a sentence that says
    /// so, and the demo goes on from a fresh tenant; the file is rewritten in this version's layout.
    @Test func aStateOfAnotherVersionIsMovedAsideAndTheDemoGoesOn() async throws {
        let file = temporaryStateFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        _ = try await RawClient(try tenant(file)).get("/me")
        var state = try #require(parseObject(try Data(contentsOf: file)))
        state["version"] = 1
        try JSONSerialization.data(withJSONObject: state).write(to: file)
        let reports = Reports()
        let reply = try await RawClient(try tenant(file, report: { reports.add($0) })).get("/me")
        #expect(reply.status == 200)
        #expect(reports.all.count == 1)
        #expect(reports.all.first?.contains("written by another version of pim") == true, "\(reports.all)")
        let rewritten = try #require(parseObject(try Data(contentsOf: file)))
        #expect(rewritten["version"] as? Int == 4)
    }

    /// Many tenants on one file, each with its own lock descriptor as separate `pim --demo` processes
    /// have (flock locks belong to the open file description), all writing at once: none is lost.
    @Test func concurrentTenantsLoseNoUpdate() async throws {
        let file = temporaryStateFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        _ = try await RawClient(try tenant(file)).get("/me")
        let writers = 8
        let perWriter = 6
        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
            for w in 0..<writers {
                group.addTask {
                    let ben = RawClient(try tenant(file, persona: "ben"), as: "ben")
                    var statuses: [Int] = []
                    for n in 0..<perWriter {
                        var body = activation(
                            role: IDs.helpdeskAdmin, duration: "P30D", principal: IDs.ada, action: "adminAssign")
                        body["directoryScopeId"] = "/administrativeUnits/writer-\(w)-\(n)"
                        statuses.append(try await ben.post(roleRequests, body).status)
                    }
                    return statuses
                }
            }
            var all: [Int] = []
            for try await s in group { all += s }
            return all
        }
        #expect(statuses == Array(repeating: 201, count: writers * perWriter))
        let hana = RawClient(try tenant(file, persona: "hana"), as: "hana")
        let reply = try await hana.get(
            """
            /roleManagement/directory/roleAssignmentScheduleInstances?$filter=principalId eq '\(IDs.ada)' and \
            roleDefinitionId eq '\(IDs.helpdeskAdmin)'&$top=999
            """
        )
        let scopes = Set(
            reply.json.items.compactMap { $0.str("directoryScopeId") }.filter {
                $0.hasPrefix("/administrativeUnits/writer-")
            })
        #expect(scopes.count == writers * perWriter)
    }
}

final class Reports: Sendable {
    private let box = Mutex<[String]>([])
    func add(_ s: String) { box.withLock { $0.append(s) } }
    var all: [String] { box.withLock { $0 } }
}
