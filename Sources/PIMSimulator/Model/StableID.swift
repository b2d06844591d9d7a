import Foundation

/// GUID-shaped identifiers derived from a name, so the seed produces the same ids every time
/// (tests and docs can name them) without a table of hand-written GUIDs.
enum StableID {
    static func make(_ name: String) -> String {
        let a = fnv1a(name, basis: 0xcbf2_9ce4_8422_2325)
        let b = fnv1a(name, basis: 0x84222325_cbf29ce4)
        return format(a, b)
    }

    /// A fresh random GUID in lowercase, as Graph prints ids.
    static func random<G: RandomNumberGenerator>(using generator: inout G) -> String {
        format(generator.next(), generator.next())
    }

    static func format(_ a: UInt64, _ b: UInt64) -> String {
        // Version 4 / variant bits so the ids look like the service's.
        let hi = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let lo = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        // Written digit by digit: the seed makes thousands of ids, and this is on every demo start.
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var at = 0
            for position in 0..<32 {
                if position == 8 || position == 12 || position == 16 || position == 20 {
                    buffer[at] = UInt8(ascii: "-"); at += 1
                }
                let word = position < 16 ? hi : lo
                buffer[at] = digits.utf8Start[Int((word >> UInt64(60 - 4 * (position % 16))) & 0xF)]
                at += 1
            }
            return at
        }
    }

    private static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // Final avalanche (splitmix) so similar names give unrelated ids.
        var z = hash &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small, seedable generator (SplitMix64): faults and seeded history must repeat for a given seed.
struct SplitMix64: RandomNumberGenerator, Sendable, Codable, Equatable {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
