import Foundation
import PIMDomain
import PIMTestSupport
import Testing
@testable import PIMApp

/// The interface words each next step with its keys and panes, and says to quit first wherever the
/// step is a command or an option of the command line.
@Suite struct InterfaceWordingTests {
    static let everyStep = NextStep.everyKind

    @Test(arguments: everyStep)
    func everyStepIsWordedInInterfaceTerms(step: NextStep) {
        let words = InterfaceWording.step(step)
        #expect(!words.isEmpty, "\(step)")
        // What only a shell can do comes after "quit (q)"; what the interface does itself never needs a command.
        for commandLineOnly in ["pim login", "az login", "--verbose", "--graph-url", "--login-url", "--since", "PIM_"]
        where words.contains(commandLineOnly) {
            #expect(words.contains("quit (q)"), "\(step): \(words)")
        }
        for command in ["pim requests", "pim roles", "pim approvals", "run the listing"] {
            #expect(!words.contains(command), "\(step): \(words)")
        }
    }

    @Test func theWordsAreTheOnesTheInterfaceShowedBefore() {
        let arrived = PIMError(
            .network, "Graph accepted the request but sent an answer that could not be read",
            step: .checkRequests(.beforeSendingAgain))
        #expect(
            InterfaceWording.sentence(arrived).step
                == "refresh (r) and look in My roles and History to see whether it arrived before sending it again.")
        let expired = PIMError(
            .signInRequired, "Your sign-in is missing, expired or not accepted by Graph",
            step: .signIn(.expired))
        #expect(
            InterfaceWording.sentence(expired).text
                == "Your sign-in is missing, expired or not accepted by Graph: "
                + "quit (q), run `pim login` and try again.")
        let unsure = PIMError(
            .network, "The change may or may not have been applied (it failed).",
            step: .checkRequests(.beforeTryingAgain))
        #expect(
            InterfaceWording.sentence(unsure).text
                == "The change may or may not have been applied (it failed). "
                + "Check My roles after a refresh (r) before trying again.")
    }

    /// A section that failed is named before what happened; the step stays its own part.
    @Test func aFailedSectionKeepsItsStepApart() {
        let error = PIMError(
            .service, "Graph answered with a server error (HTTP 500)",
            step: .tryAgainLater(.inAFewMinutes))
        let sentence = InterfaceWording.sentence(error, after: "Could not load your requests")
        #expect(sentence.event == "Could not load your requests: Graph answered with a server error (HTTP 500)")
        #expect(sentence.step == "try again in a few minutes.")
    }
}
