import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
import Testing
@testable import PIMScreen

/// Long text in the interface costs time linear in its length: a pasted justification, a field
/// holding a page of text, a name that wraps over many lines. Each of these was quadratic (a paste
/// of 1,600 characters cost 94 s of CPU, most of it measuring every suffix of the field per frame).
@Suite struct LongTextScreenTests {
    /// The form open on a role, as a user pastes into it.
    static func formState() -> AppState {
        var state = Fixture.loaded()
        let index = state.roles.firstIndex { $0.target == Fixture.sysadmin }!
        _ = update(&state, .click(.row(index)))
        _ = update(&state, .key(.enter))
        return state
    }

    @Test func aPasteOf3000CharactersShowsWithinAFrameInWellUnderASecond() throws {
        var state = Self.formState()
        try #require(state.form != nil)
        let text =
            String(repeating: "Restore mail flow after the connector change, ticket INC-4711. ", count: 48)
            .prefix(3_000) + "END"
        let clock = ContinuousClock()
        var screen: Screen?
        let took = clock.measure {
            _ = update(&state, .key(.pasteBegin))
            for character in text { _ = update(&state, .key(.character(character))) }
            _ = update(&state, .key(.pasteEnd))
            // The terminal draws the newest state once the keys are in (a frame or two).
            _ = render(state, width: 100, height: 30)
            screen = render(state, width: 100, height: 30)
        }
        #expect(took < .seconds(10), "pasting 3,003 characters and drawing took \(took)")
        #expect(state.form?[.justification].text.count == 3_003)
        #expect(screen?.lines().contains { $0.contains("END") } == true, "the end of the paste is not on screen")
    }

    @Test func aFieldOf100000CharactersDrawsInWellUnderASecond() {
        var state = Self.formState()
        for character in String(repeating: "x", count: 100_000) { _ = update(&state, .key(.character(character))) }
        let clock = ContinuousClock()
        let took = clock.measure { _ = render(state, width: 100, height: 30) }
        #expect(took < .seconds(5), "one frame took \(took)")
    }

    @Test func drawingAFieldGrowsLinearly() {
        // The cursor at the end of 4× the text: the frame may cost 4× (it walks to the cursor), not 16×.
        let clock = ContinuousClock()
        func frame(_ length: Int) -> Duration {
            let field = TextField(String(repeating: "y", count: length))
            return (0..<5).map { _ in
                clock.measure {
                    var screen = Screen(width: 80, height: 1)
                    InputField.draw(field, focused: true, in: Rect(x: 0, y: 0, width: 80, height: 1), on: &screen)
                }
            }.min()!
        }
        let ratio = frame(40_000) / frame(10_000)
        #expect(ratio < 8, "4× the text took \(ratio)× the time")
    }

    @Test func wrappingA200000CharacterWordTakesWellUnderTwoSeconds() {
        let word = String(repeating: "w", count: 200_000)
        let clock = ContinuousClock()
        var lines: [String] = []
        let took = clock.measure { lines = TextLayout.wrap(word, width: 80) }
        #expect(took < .seconds(10), "wrapping took \(took)")
        #expect(lines.count == 2_500 && lines.allSatisfy { $0.count == 80 })
    }

    @Test(arguments: [
        ("aa bbbbbbbbbb cc", 4, ["aa", "bbbb", "bbbb", "bb", "cc"]),
        ("aa bbbbbbbb cc", 4, ["aa", "bbbb", "bbbb", "cc"]),
        ("abcdef g", 3, ["abc", "def", "g"]),
        ("日本語テキスト x", 4, ["日本", "語テ", "キス", "ト x"]),
    ])
    func wrappingCutsLongWordsAsBefore(text: String, width: Int, expected: [String]) {
        #expect(TextLayout.wrap(text, width: width) == expected)
    }
}
