import Foundation
import Testing

/// Package.swift says what each target imports, and nothing else: an edge nobody uses, or a module
/// imported only because another dependency happens to bring it in, would make the module picture
/// in docs/architecture.md lie. Executables under Sources never lean on support code under Tests.
@Suite struct PackageEdgeTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyTargetDependsOnExactlyTheTargetsItImports() throws {
        let targets = try PackageTargets.read(Self.root.appendingPathComponent("Package.swift"))
        #expect(targets.count > 10, "Package.swift was not read: \(targets.map(\.name))")
        let names = Set(targets.map(\.name))
        let executables = Set(targets.filter { $0.kind == "executableTarget" }.map(\.name))
        for target in targets where target.kind != "systemLibrary" {
            let imported = try Self.imports(under: Self.root.appendingPathComponent(target.path)).intersection(names)
            // A test may depend on an executable only to have it built (EndToEndTests runs them).
            let declared = Set(target.dependencies).subtracting(executables)
            let unnamed = imported.subtracting(declared).sorted(), unused = declared.subtracting(imported).sorted()
            #expect(unnamed.isEmpty, "\(target.name) imports \(unnamed) without naming them in Package.swift")
            #expect(unused.isEmpty, "\(target.name) names \(unused) in Package.swift but imports none of them")
        }
    }

    @Test func noExecutableUnderSourcesDependsOnATargetUnderTests() throws {
        let targets = try PackageTargets.read(Self.root.appendingPathComponent("Package.swift"))
        let paths = Dictionary(uniqueKeysWithValues: targets.map { ($0.name, $0.path) })
        for target in targets where target.kind == "executableTarget" && target.path.hasPrefix("Sources/") {
            let underTests = target.dependencies.filter { paths[$0]?.hasPrefix("Tests/") == true }
            #expect(underTests.isEmpty, "\(target.name) depends on \(underTests) under Tests/")
        }
    }

    /// The modules named by `import` lines (plain, `@testable`, `@_spi(…)`) in the Swift files below `folder`.
    static func imports(under folder: URL) throws -> Set<String> {
        var modules = Set<String>()
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                if words.count == 2, words[0] == "import" { modules.insert(String(words[1])) }
            }
        }
        return modules
    }
}

/// The targets of Package.swift as written: kind, name, dependencies and folder (the default folder
/// when the manifest names none). Read as text, so the check needs no manifest API.
struct PackageTargets {
    var kind: String
    var name: String
    var dependencies: [String]
    var path: String

    static let kinds = ["target", "executableTarget", "testTarget", "systemLibrary"]

    static func read(_ manifest: URL) throws -> [PackageTargets] {
        let text = try String(contentsOf: manifest, encoding: .utf8)
        // Each declaration runs from `.kind(` to the next declaration (or the end of the list).
        let starts = kinds.flatMap { kind in
            text.ranges(of: ".\(kind)(").map { (kind: kind, at: $0.lowerBound, after: $0.upperBound) }
        }.sorted { $0.at < $1.at }
        return starts.enumerated().compactMap { index, start in
            let end = index + 1 < starts.count ? starts[index + 1].at : text.endIndex
            let body = String(text[start.after..<end])
            guard let name = quoted(after: "name:", in: body) else { return nil }
            let list = body.range(of: "dependencies:").flatMap { label in
                body[label.upperBound...].range(of: "]").map { body[label.upperBound..<$0.lowerBound] }
            }
            let dependencies =
                list.map {
                    $0.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }
                        .map { String($0.element) }
                } ?? []
            let path = quoted(after: "path:", in: body) ?? (start.kind == "testTarget" ? "Tests/" : "Sources/") + name
            return PackageTargets(kind: start.kind, name: name, dependencies: dependencies, path: path)
        }
    }

    private static func quoted(after label: String, in text: String) -> String? {
        guard let range = text.range(of: label + " \"") else { return nil }
        return text[range.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
}
