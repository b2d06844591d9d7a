/// The service's sentences are written for the command line ("run `pim requests`…"); inside the
/// interface the same step is a key away. This rewrites the steps that have one, and says to quit
/// first where the step really is another command (`pim login`).
enum InterfaceWording {
    static let replacements: [(String, String)] = [
        ("run `pim requests` to see whether it arrived", "refresh (r) and look in My roles and History to see whether it arrived"),
        ("Check with `pim requests` or `pim roles`", "Check My roles after a refresh (r)"),
        ("(see `pim requests`)", "(see History)"),
        ("see `pim requests`", "see History"),
        ("run `pim login`", "quit (q) and run `pim login`"),
        ("sign in again with `pim login`", "quit (q) and sign in again with `pim login`"),
        ("Run pim roles to see what you can activate", "My roles lists what you can activate"),
    ]

    static func adapt(_ message: String) -> String {
        replacements.reduce(message) { text, pair in text.replacingOccurrences(of: pair.0, with: pair.1) }
    }
}
