import Testing
@testable import PIMDomain

@Suite struct CountdownTests {
    @Test(arguments: [
        (28_740.0, "7h 59m"), (245.0, "4m 05s"), (0.0, "expired"), (-30.0, "expired"), (59.2, "1m 00s"),
        (3600.0, "1h 00m"), (93_600.0, "1d 2h"), (9.0, "0m 09s"),
    ])
    func text(remaining: Double, expected: String) {
        #expect(Countdown.text(remaining: remaining) == expected)
    }

    @Test func noEndIsPermanent() {
        #expect(Countdown.text(remaining: nil) == "permanent")
        #expect(Urgency(remaining: nil) == .plenty)
    }

    @Test(arguments: [
        (7200.0, Urgency.plenty), (3601.0, .plenty), (3600.0, .soon), (601.0, .soon), (600.0, .imminent),
        (1.0, .imminent), (0.0, .expired), (-5.0, .expired),
    ])
    func urgency(remaining: Double, expected: Urgency) {
        #expect(Urgency(remaining: remaining) == expected)
    }

    @Test func urgencyOrdersByCloseness() {
        #expect(Urgency.plenty < .soon && Urgency.soon < .imminent && Urgency.imminent < .expired)
    }

    @Test func elapsedForWaitingApprovals() {
        #expect(Countdown.elapsed(125) == "2m")
        #expect(Countdown.elapsed(7500) == "2h 05m")
        #expect(Countdown.elapsed(100_000) == "1d 3h")
    }
}
