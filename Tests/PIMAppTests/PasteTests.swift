import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing

/// Bracketed paste: what the terminal marks as pasted is text, never commands. A justification
/// copied from a ticket with line breaks must not send the form half-typed, and a paste that lands
/// on a pane must not quit, approve or deactivate.
@Suite struct PasteTests {
    func paste(_ text: String, into state: inout AppState) -> [Effect] {
        var effects = update(&state, .key(.pasteBegin))
        for character in text {
            let key: Key = character == "\n" ? .enter : character == "\t" ? .tab : .character(character)
            effects += update(&state, .key(key))
        }
        effects += update(&state, .key(.pasteEnd))
        return effects
    }

    @Test func aPastedJustificationWithLineBreaksStaysInTheFieldAndSendsNothing() {
        var state = Fixture.loaded()
        let index = state.roles.firstIndex { $0.target == Fixture.sysadmin }!
        _ = update(&state, .click(.row(index)))
        _ = update(&state, .key(.enter))
        #expect(state.form != nil)
        let effects = paste("INC-4711: restore mail flow\nafter the\tconnector change\n", into: &state)
        #expect(effects.isEmpty, "a pasted line break is not Enter: \(effects)")
        #expect(state.form?[.justification].text == "INC-4711: restore mail flow after the connector change ")
        #expect(!state.pasting)
        // Typed keys after the paste act again.
        _ = update(&state, .key(.escape))
        #expect(state.form == nil)
    }

    @Test func aPasteOnAPaneIsDroppedWithAWordAndNeverActsAsKeys() {
        var state = Fixture.loaded()
        let before = state
        // "q" would quit, "4" switch panes, "d" deactivate, "a" activate, Enter open the form.
        let effects = paste("q4da\n", into: &state)
        #expect(effects.isEmpty)
        #expect(state.pane == before.pane)
        #expect(state.form == nil)
        #expect(state.flash?.text.contains("Pasted text goes only into a text field") == true)
        #expect(update(&state, .key("q")) == [.quit], "typed keys work again after the paste")
    }

    @Test func aPasteIntoTheFilterFilters() {
        var state = Fixture.loaded()
        _ = update(&state, .key("/"))
        _ = paste("Reader", into: &state)
        #expect(state.currentList.filter.text == "Reader")
        #expect(state.currentList.visible.count < state.roles.count)
    }
}
