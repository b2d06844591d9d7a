import Testing
@testable import PIMScreen
import PIMDomain
import PIMApp

/// A long message keeps its step to take: the service's quoted words go first, then the middle.
struct StatusMessageTests {
    static let serverError =
        """
        Graph answered with a server error (HTTP 500) after retries (\"The demo tenant lock file could not be \
        opened\"): try again in a few minutes.
        """

    @Test func aMessageThatFitsIsUntouched() {
        #expect(
            StatusMessage.fit("Activated Global Reader until 14:30.", width: 60)
                == "Activated Global Reader until 14:30.")
    }

    @Test func theQuotedServiceWordsGoFirst() {
        let fitted = StatusMessage.fit(Self.serverError, width: 90)
        #expect(fitted == "Graph answered with a server error (HTTP 500) after retries: try again in a few minutes.")
    }

    @Test(arguments: [40, 58, 61, 80])
    func theStepToTakeStaysWhole(width: Int) {
        let fitted = StatusMessage.fit(Self.serverError, width: width)
        #expect(DisplayWidth.of(fitted) <= width)
        #expect(fitted.hasSuffix(": try again in a few minutes."), "\(fitted)")
        #expect(fitted.hasPrefix("Graph answ"))
    }

    @Test func theAsidesGoNext() {
        let message =
            """
            The change may or may not have been applied (Graph answered with a server error (HTTP 500)). Check with \
            `pim requests` or `pim roles` before trying again.
            """
        let fitted = StatusMessage.fit(message, width: 110)
        #expect(
            fitted
                == """
                The change may or may not have been applied. Check with `pim requests` or `pim roles` before \
                trying again.
                """
        )
        let row = StatusMessage.fit(message, width: 80)
        #expect(row.hasSuffix(". Check with `pim requests` or `pim roles` before trying again."), "\(row)")
        #expect(DisplayWidth.of(row) <= 80)
    }

    /// The two ends kept of a message too long for its row are whole words, so the row never reads
    /// as a sentence cut mid-word ("…ain with `pim login`.").
    @Test(arguments: [24, 31, 40, 47, 55])
    func theEndsKeptOfALongMessageAreWholeWords(width: Int) {
        let message =
            """
            Graph refused this for your account: you may need a directory role or admin consent for pim's permissions; \
            ask an administrator, or sign in again with `pim login`.
            """
        let fitted = StatusMessage.fit(message, width: width)
        #expect(DisplayWidth.of(fitted) <= width)
        let parts = fitted.components(separatedBy: "…")
        #expect(parts.count == 2, "\(fitted)")
        if parts.count == 2 {
            #expect(parts[1].hasPrefix(" ") && message.contains(parts[1]), "the end starts mid-word: [\(fitted)]")
        }
    }

    @Test func aStepTooLongItselfShowsTheStartAndTheEnd() {
        let message =
            """
            Graph refused this for your account: you may need a directory role or admin consent for pim's permissions; \
            ask an administrator, or sign in again with `pim login`.
            """
        let fitted = StatusMessage.fit(message, width: 80)
        #expect(DisplayWidth.of(fitted) <= 80)
        #expect(fitted.hasPrefix("Graph refused"))
        #expect(fitted.hasSuffix("ask an administrator, or sign in again with `pim login`."), "\(fitted)")
    }
}

/// A text field whose cursor lies past its text (a value set from outside) is drawn, not trapped on.
struct InputFieldDrawingTests {
    @Test func aCursorPastTheTextIsDrawnAtTheEnd() {
        var screen = Screen(width: 20, height: 1)
        InputField.draw(
            TextField("ab", cursor: 2), focused: true, in: Rect(x: 0, y: 0, width: 20, height: 1), on: &screen)
        var field = TextField("ab")
        field.cursor = 9
        var other = Screen(width: 20, height: 1)
        InputField.draw(field, focused: true, in: Rect(x: 0, y: 0, width: 20, height: 1), on: &other)
        #expect(other.lines() == screen.lines())
    }

    /// A failure comes in its parts: the step is kept whole even when it has sentences of its own,
    /// where cutting the text at its last sentence break would keep only the end of the step.
    @Test func aFailureKeepsItsWholeStepFromItsParts() {
        let sentence = ErrorSentence(
            event: "The service refused the activation of Exchange Administrator (HTTP 400)",
            step: "add a justification. Ticket: fill in Ticket number and Ticket system")
        let fitted = StatusMessage.fit(sentence, width: 110)
        #expect(DisplayWidth.of(fitted) <= 110, "\(fitted)")
        #expect(
            fitted.hasSuffix("…: add a justification. Ticket: fill in Ticket number and Ticket system."),
            "\(fitted)")
        #expect(fitted.hasPrefix("The service refused"), "\(fitted)")
    }

    /// What happened loses the service's quoted words first, and the step is never touched.
    @Test func aFailuresQuotedWordsGoBeforeItsStep() {
        let sentence = ErrorSentence(
            event: "Graph answered with a server error (HTTP 500) after retries (\"Lock file busy\")",
            step: "try again in a few minutes")
        #expect(
            StatusMessage.fit(sentence, width: 90)
                == "Graph answered with a server error (HTTP 500) after retries: try again in a few minutes.")
    }
}
