import Foundation
@testable import PIMGraph
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The file the interface keeps unsent drafts in: private, and never written through a link.
@Suite struct PrivateStateFileTests {
    func folder() -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pim-state-\(UUID().uuidString)")
    }

    @Test func writesAPrivateFileInAPrivateFolder() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = PrivateStateFile(directory: root.appendingPathComponent("pim"), name: "drafts-demo_ada.json")
        try file.write(Data("{}".utf8))
        var info = stat()
        #expect(stat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(root.appendingPathComponent("pim").path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(try file.read() == Data("{}".utf8))
    }

    @Test func refusesALinkAndLeavesWhatItPointsAtAlone() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = root.appendingPathComponent("pim")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        chmod(directory.path, 0o700)
        let elsewhere = root.appendingPathComponent("elsewhere.txt")
        try Data("mine".utf8).write(to: elsewhere)
        let file = PrivateStateFile(directory: directory, name: "drafts-x.json")
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: elsewhere.path)
        #expect(throws: PrivateFileError.self) { try file.write(Data("secret draft".utf8)) }
        #expect(throws: PrivateFileError.self) { _ = try file.read() }
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "mine")
    }

    @Test func namesKeepOnlySafeCharacters() {
        #expect(PrivateStateFile.name(prefix: "drafts-", scope: "demo|ada") == "drafts-demo_ada.json")
        #expect(
            PrivateStateFile.name(prefix: "drafts-", scope: "graph.microsoft.com|../x")
                == "drafts-graph.microsoft.com_.._x.json")
    }
}
