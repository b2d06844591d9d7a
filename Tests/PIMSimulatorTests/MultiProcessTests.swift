import Foundation
import Testing
@testable import PIMSimulator

/// Two `pim --demo`-like processes hammering one state file: the test binary starts copies of itself
/// that run only `childWriter`, then checks that every write of every child is in the file.
@Suite struct MultiProcessTests {
    static let stateVariable = "PIM_SIM_TEST_CHILD_STATE"
    static let nameVariable = "PIM_SIM_TEST_CHILD_NAME"
    static let writesPerChild = 15

    @Test(.enabled(if: ProcessInfo.processInfo.environment[MultiProcessTests.stateVariable] != nil))
    func childWriter() async throws {
        let env = ProcessInfo.processInfo.environment
        let file = URL(fileURLWithPath: env[Self.stateVariable]!)
        let name = env[Self.nameVariable] ?? "child"
        let tenant = try SimulatedTenant(
            configuration: SimulatorConfiguration(stateFile: file, persona: "ben", now: { testStart }))
        let ben = RawClient(tenant, as: "ben")
        for n in 0..<Self.writesPerChild {
            var body = activation(role: IDs.helpdeskAdmin, duration: "P30D", principal: IDs.ada, action: "adminAssign")
            body["directoryScopeId"] = "/administrativeUnits/\(name)-\(n)"
            let reply = try await ben.post(roleRequests, body)
            #expect(reply.status == 201)
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[MultiProcessTests.stateVariable] == nil))
    func twoProcessesLoseNoUpdate() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pim-mp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("demo-tenant.json")
        let binary = URL(fileURLWithPath: CommandLine.arguments[0])
        try #require(FileManager.default.isExecutableFile(atPath: binary.path) && binary.path.hasSuffix(".xctest"))
        let children = ["p1", "p2"]
        var processes: [Process] = []
        for name in children {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["--testing-library", "swift-testing", "--filter", "childWriter"]
            var env = ProcessInfo.processInfo.environment
            env[Self.stateVariable] = file.path
            env[Self.nameVariable] = name
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    process.waitUntilExit()
                    done.resume()
                }
            }
            #expect(process.terminationStatus == 0)
        }
        let hana = RawClient(
            try SimulatedTenant(
                configuration: SimulatorConfiguration(stateFile: file, persona: "hana", now: { testStart })), as: "hana"
        )
        let reply = try await hana.get(
            """
            /roleManagement/directory/roleAssignmentScheduleInstances?$filter=principalId eq '\(IDs.ada)' and \
            assignmentType eq 'Assigned'&$top=999
            """
        )
        let scopes = Set(
            reply.json.items.compactMap { $0.str("directoryScopeId") }.filter { $0.hasPrefix("/administrativeUnits/p") }
        )
        #expect(scopes.count == children.count * Self.writesPerChild)
    }
}
