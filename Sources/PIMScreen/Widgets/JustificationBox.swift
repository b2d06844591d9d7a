import PIMApp
import PIMDomain

/// A centred dialog box of lines, one of them (when there is one) the justification being typed, with
/// the key hints on its last row: what the approval and the access review dialogs share.
enum JustificationBox {
    static func draw(
        _ state: AppState, title: String, lines: [StyledLine], inputRow: Int?, field: TextField, isSubmitting: Bool,
        width: Int, in area: Rect, on screen: inout Screen
    ) {
        let rect = area.centered(width: width, height: lines.count + 4)
        let content = Box.draw(rect, title: DisplayText(untrusted: title), on: &screen)
        for (index, line) in lines.enumerated() where content.y + index < content.maxY - 1 {
            if index == inputRow {
                InputField.draw(
                    field, focused: !isSubmitting,
                    in: Rect(x: content.x, y: content.y + index, width: content.width, height: 1), on: &screen)
            } else {
                line.draw(x: content.x, y: content.y + index, width: content.width, on: &screen)
            }
        }
        KeyHintRow.draw(state, x: content.x, y: content.maxY - 1, maxX: content.maxX, helpStyle: .dialog, on: &screen)
    }
}
