import Testing
@testable import PIMDomain

@Suite struct ActivationDurationTests {
    @Test(arguments: [("90m", 5400), ("1h30m", 5400), ("PT8H", 28800), ("1d", 86400), ("PT1H30M", 5400), ("P1D", 86400), ("2h", 7200)])
    func parses(text: String, seconds: Int) throws {
        #expect(try ActivationDuration(parsing: text).seconds == seconds)
    }
}
