import Foundation
import LoopbackHTTP
import Testing

/// `pim login` whose tokens cannot be kept says so (exit 1): the sign-in worked, saving it did not,
/// and why. It never changes the mode of something it did not create.
@Suite struct CacheWriteFailureTests {
    func mode(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o7777)
    }

    @Test func loginWhoseCacheFolderIsAFileSaysTheSignInWasNotSaved() throws {
        let sandbox = Sandbox()
        let blocker = sandbox.root + "/cache/pim"
        #expect(
            FileManager.default.createFile(
                atPath: blocker, contents: Data("mine".utf8), attributes: [.posixPermissions: 0o644]))
        let server = try RoutingHTTPServer(route: LoginHintsTests.answer)
        defer { server.stop() }
        let env = ["PIM_GRAPH_URL": server.url, "PIM_LOGIN_URL": server.url]
        let login = try PimBinary.run(["login"], in: sandbox, environment: env)
        #expect(login.code == 1, "\(login)")
        #expect(!login.stdout.contains("tokens are cached"), "\(login)")
        let sentence = login.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(sentence.hasPrefix("pim: Signed in"), "\(login)")
        #expect(sentence.contains("could not be saved") && sentence.contains(blocker), "\(login)")
        #expect(mode(blocker) == 0o644, "the file's mode is left alone")
        #expect(FileManager.default.contents(atPath: blocker) == Data("mine".utf8))
    }
}
