import Testing
@testable import PIMSimulator

/// The seed's ids are GUIDs as Graph prints them (lowercase, version 4, variant bits) and never
/// change between releases: docs and saved demo states name them.
struct StableIDTests {
    @Test(arguments: [
        (UInt64(0), UInt64(0), "00000000-0000-4000-8000-000000000000"),
        (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, "01234567-89ab-4def-bedc-ba9876543210"),
        (UInt64.max, UInt64.max, "ffffffff-ffff-4fff-bfff-ffffffffffff"),
        (0x10, 0x20, "00000000-0000-4010-8000-000000000020"),
    ])
    func idsAreLowercaseVersionFourGUIDs(a: UInt64, b: UInt64, expected: String) {
        #expect(StableID.format(a, b) == expected)
    }

    @Test func aNameAlwaysGivesTheSameId() {
        #expect(StableID.make("Security Analysts") == StableID.make("Security Analysts"))
        #expect(StableID.make("Security Analysts") != StableID.make("Security analysts"))
        #expect(StableID.make("x").utf8.count == 36)
    }
}
