import Foundation
import PIMApp
import PIMCommandLine
import PIMGraph

/// The interface's unsent drafts in `$XDG_STATE_HOME/pim/drafts-<scope>.json` (folder 0700, file
/// 0600, replaced atomically, never through a symbolic link), one file per tenant or demo persona,
/// so a justification typed for one tenant never turns up in another.
struct DraftFile: DraftStore {
    let file: PrivateStateFile

    init(settings: GlobalSettings) {
        let scope: String
        if settings.demo {
            scope = "demo|" + ((try? DemoWiring.configuration(settings).persona) ?? "default")
        } else {
            scope = GraphWiring.tenantScope(settings, cloud: try? GraphWiring.cloud(settings))
        }
        file = PrivateStateFile(
            directory: URL(fileURLWithPath: settings.paths.stateDirectory),
            name: PrivateStateFile.name(prefix: "drafts-", scope: scope))
    }

    func load() throws -> SavedDrafts? {
        let data: Data?
        do { data = try file.read() } catch {
            throw DraftFileError(sentence: "Unsent drafts are not kept: " + error.sentence)
        }
        // A file that does not decode (from another version, or damaged) is treated as no drafts.
        return data.flatMap { try? JSONDecoder().decode(SavedDrafts.self, from: $0) }
    }

    func save(_ drafts: SavedDrafts) throws {
        do {
            if drafts.isEmpty {
                if (try? file.read()) != nil { try file.remove() }
                return
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try file.write(try encoder.encode(drafts))
        } catch let error as PrivateFileError {
            throw DraftFileError(sentence: "The unsent drafts could not be kept: " + error.sentence)
        }
    }
}

struct DraftFileError: Error, CustomStringConvertible {
    var sentence: String
    var description: String { sentence }
}
