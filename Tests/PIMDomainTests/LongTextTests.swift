import Foundation
import PIMDomain
import Testing

/// Text from the service or the user can be megabytes long. Sanitising is linear (it copied the
/// whole result for every character: minutes for a megabyte), and what pim keeps of one service
/// string is capped at `ServiceText.limit` characters, shown with "…".
@Suite struct LongTextTests {
    /// A megabyte of a name with an escape sequence every hundred characters.
    static let megabyte = String(repeating: String(repeating: "n", count: 96) + "\u{1B}[2J", count: 10_000)

    @Test func aMegabyteIsSanitisedInSecondsNotMinutes() {
        var out = ""
        let took = Self.threadCPUSeconds { out = Sanitizer.sanitize(Self.megabyte) }
        // Bounds far below the 28 s this took when it was quadratic, far above a debug build. CPU time of
        // this thread, not the wall clock: the rest of the suite running beside it does not count.
        #expect(took < 12, "sanitising 1 MB took \(took) s of CPU")
        #expect(out.unicodeScalars.count == Self.megabyte.unicodeScalars.count)
        #expect(Sanitizer.isClean(out))
        let clean = String(repeating: "Global Reader ", count: 75_000)
        let display = Self.threadCPUSeconds { _ = DisplayText(untrusted: clean) }
        #expect(display < 12, "showing 1 MB took \(display) s of CPU")
    }

    @Test func aMegabyteIsCheckedForHundredsOfSecretsInSeconds() {
        // A long-running process (or this test suite) remembers many tokens; each is looked for in every
        // text shown. Secrets that share the text's first letters make the naive scan compare at every hit.
        let clean = String(repeating: "Global Reader ", count: 75_000)
        // Longest first, as `remember` keeps them.
        let secrets = (0..<300).map { "Global Reader token \($0)" }.sorted { $0.utf8.count > $1.utf8.count }
        var out = ""
        let took = Self.threadCPUSeconds { out = SecretMask.masking(clean, secrets: secrets) }
        #expect(took < 12, "checking 1 MB for 300 secrets took \(took) s of CPU")
        #expect(out.utf8.count == clean.utf8.count && out == clean)
        let tail = String(SecretMask.masking(clean + "Global Reader token 299", secrets: secrets).suffix(30))
        #expect(tail.hasSuffix(" Global Reader [redacted]") && !tail.contains("token"), "\(tail)")
    }

    /// Seconds of CPU this thread spends in `work` (a synchronous test stays on one thread).
    static func threadCPUSeconds(_ work: () -> Void) -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        work()
        return now() - start
    }

    @Test func sanitisingGrowsLinearly() {
        // Doubling the text doubles the work; the copy per character made it four times.
        let clock = ContinuousClock()
        func best(_ text: String) -> Duration {
            (0..<5).map { _ in clock.measure { _ = Sanitizer.sanitize(text) } }.min()!
        }
        let small = String(Self.megabyte.prefix(62_500)), large = String(Self.megabyte.prefix(250_000))
        let ratio = best(large) / best(small)
        #expect(ratio < 8, "4× the text took \(ratio)× the time")
    }

    @Test(arguments: [0, 1, 4_095, 4_096])
    func shortServiceStringsAreKept(length: Int) {
        let text = String(repeating: "é", count: length)
        #expect(ServiceText.capped(text) == text)
    }

    @Test func aLongServiceStringIsCutWithAnEllipsis() {
        let cut = ServiceText.capped(String(repeating: "日", count: 4_097))
        #expect(cut.count == ServiceText.limit)
        #expect(cut.hasSuffix("日…"))
        let ten = String(repeating: "A", count: 10_000_000)
        let clock = ContinuousClock()
        var capped = ""
        #expect(clock.measure { capped = ServiceText.capped(ten) } < .seconds(5))
        #expect(capped.count == 4_096 && capped.last == "…")
    }
}
