import Foundation
import LoopbackHTTP
import Testing

/// pim's private files are never reached through a symbolic link: a linked token cache, dashboard
/// hints file, demo tenant state or its lock is refused with one sentence, and the link's target is
/// neither created, read as pim's own, nor has its mode changed.
@Suite struct SymlinkRefusalTests {
    func mode(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o7777)
    }

    /// A file somewhere else, readable by others, that a link will point at.
    func victim(in sandbox: Sandbox, contents: String = "not pim's") throws -> String {
        let path = sandbox.root + "/home/victim-\(UUID().uuidString)"
        #expect(
            FileManager.default.createFile(
                atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o644]))
        return path
    }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    @Test func aLinkedTokenCacheIsRefusedAndItsTargetLeftAlone() throws {
        let sandbox = Sandbox()
        let target = try victim(in: sandbox)
        try link(sandbox.root + "/cache/pim/tokens.json", to: target)
        let server = try RoutingHTTPServer(route: LoginHintsTests.answer)
        defer { server.stop() }
        let env = ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url]
        let result = try PimBinary.run(["roles"], in: sandbox, environment: env)
        #expect(result.code != 0, "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
        #expect(result.stderr.contains("symbolic link"), "\(result)")
        #expect(mode(target) == 0o644, "the link's target keeps its mode")

        let login = try PimBinary.run(["login"], in: sandbox, environment: env)
        #expect(login.code == 1, "\(login)")
        #expect(login.stderr.contains("symbolic link"), "\(login)")
        #expect(mode(target) == 0o644)
        #expect(FileManager.default.contents(atPath: target) == Data("not pim's".utf8))
    }

    @Test func aLinkedCacheFolderIsRefused() throws {
        let sandbox = Sandbox()
        let elsewhere = sandbox.root + "/home/elsewhere"
        try FileManager.default.createDirectory(
            atPath: elsewhere, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try link(sandbox.root + "/cache/pim", to: elsewhere)
        let server = try RoutingHTTPServer(route: LoginHintsTests.answer)
        defer { server.stop() }
        let login = try PimBinary.run(
            ["login"], in: sandbox, environment: ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url])
        #expect(login.code == 1, "\(login)")
        #expect(login.stderr.contains("symbolic link"), "\(login)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty, "nothing written through the link")
        #expect(mode(elsewhere) == 0o755)
    }

    @Test func aLinkedDashboardHintsFileIsNotFollowed() throws {
        let sandbox = Sandbox()
        let target = try victim(in: sandbox, contents: #"{"userId":"u-1","roleDefinitions":[],"groups":[]}"#)
        try link(sandbox.root + "/cache/pim/dashboard-hints-127.0.0.1_organizations.json", to: target)
        let server = try RoutingHTTPServer(route: LoginHintsTests.answer)
        defer { server.stop() }
        let result = try PimBinary.run(
            ["roles"], in: sandbox, environment: ["PIM_GRAPH_URL": server.url, "PIM_ACCESS_TOKEN": "t"])
        #expect(result.code == 0, "\(result)")
        #expect(mode(target) == 0o644, "the link's target keeps its mode")
        #expect(
            FileManager.default.contents(atPath: target)
                == Data(#"{"userId":"u-1","roleDefinitions":[],"groups":[]}"#.utf8))
    }

    @Test func aLinkedDemoLockIsRefusedAndNothingIsCreatedAtItsTarget() throws {
        let sandbox = Sandbox()
        let target = sandbox.root + "/home/created-by-link"
        try link(sandbox.root + "/state/pim/demo-tenant.json.lock", to: target)
        let result = try PimBinary.run(["--demo", "roles"], in: sandbox)
        #expect(result.code == 1, "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
        #expect(result.stderr.contains("symbolic link"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: target), "no file appears at the link's target")
    }

    @Test func aLinkedDemoStateIsRefusedAndItsTargetLeftAlone() throws {
        let sandbox = Sandbox()
        let target = try victim(in: sandbox)
        try link(sandbox.root + "/state/pim/demo-tenant.json", to: target)
        let result = try PimBinary.run(["--demo", "roles"], in: sandbox)
        #expect(result.code == 1, "\(result)")
        #expect(result.stderr.contains("symbolic link"), "\(result)")
        #expect(FileManager.default.contents(atPath: target) == Data("not pim's".utf8))
        #expect(mode(target) == 0o644)
        let entries = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/state/pim")
        #expect(entries.contains("demo-tenant.json") && !entries.contains { $0.contains("corrupt") }, "\(entries)")
    }
}

extension SymlinkRefusalTests {
    /// The completion names beside the token cache: a link there is neither read (completion would
    /// print whatever it points at) nor written through.
    @Test func aLinkedCompletionNamesFileIsNotFollowed() throws {
        let sandbox = Sandbox()
        let target = try victim(in: sandbox, contents: "secret-of-another-file\n")
        try link(sandbox.root + "/cache/pim/targets", to: target)
        let complete = try PimBinary.run(["__complete", "targets"], in: sandbox)
        #expect(complete.code == 0, "\(complete)")
        #expect(!complete.stdout.contains("secret-of-another-file"), "\(complete)")
        let roles = try PimBinary.run(["--demo", "roles"], in: sandbox)
        #expect(roles.code == 0, "\(roles)")
        #expect(FileManager.default.contents(atPath: target) == Data("secret-of-another-file\n".utf8))
        #expect(mode(target) == 0o644)
    }
}
