import Foundation

/// The documented Graph bodies copied from the shared fixtures (Tests/PIMGraphTests/Fixtures).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func data(_ name: String) -> Data {
        let url = directory.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { fatalError("missing fixture \(name)") }
        return data
    }

    static func string(_ name: String) -> String { String(decoding: data(name), as: UTF8.self) }
}

/// JSON object from a literal for comparisons that ignore key order.
func jsonObject(_ data: Data?) -> NSDictionary? {
    guard let data else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? NSDictionary
}

func jsonObject(_ text: String) -> NSDictionary? { jsonObject(Data(text.utf8)) }
