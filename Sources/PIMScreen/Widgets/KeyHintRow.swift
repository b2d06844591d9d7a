import PIMApp
import PIMDomain

/// The row of keys that work now (`KeyMap.hints`): each key's first name, then its short help, as
/// many as fit. The status line and the dialogs draw it alike; only the help's style differs.
enum KeyHintRow {
    static func draw(
        _ state: AppState, x start: Int, y: Int, maxX: Int, helpStyle: StyleRole,
        on screen: inout Screen
    ) {
        var x = start
        for binding in KeyMap.hints(for: state) {
            let key = SanitizedText.of(binding.keys[0].description)
            let help = SanitizedText.of(binding.hint ?? binding.help)
            guard x + key.width + help.width + 1 <= maxX else { break }
            x += screen.put(key, x: x, y: y, style: .keyName) + 1
            x += screen.put(help, x: x, y: y, style: helpStyle) + 2
        }
    }
}
