import Foundation

/// gzip bodies for the test servers, written by hand (the toolchain has no compressor on Linux):
/// stored blocks for real content, and a "bomb" of zeros whose deflate stream repeats one
/// 258-byte match, so a few megabytes inflate to gigabytes.
public enum Gzip {
    /// `data` as a valid gzip member (stored, uncompressed deflate blocks).
    public static func stored(_ data: Data) -> Data {
        var out = header
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length >= data.count ? 1 : 0
            out.append(final)  // BFINAL, BTYPE 00, padded to the byte
            out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
            out.append(contentsOf: [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)])
            out.append(data[data.startIndex + offset..<data.startIndex + offset + length])
            offset += length
        } while offset < data.count
        out.append(contentsOf: littleEndian(crc32(data)))
        out.append(contentsOf: littleEndian(UInt32(truncatingIfNeeded: data.count)))
        return out
    }

    /// A gzip member that inflates to about `inflatedBytes` zero bytes (1 + 258 + a multiple of
    /// 8 × 258), about 159 times smaller than what it inflates to. Its trailer is not checked by
    /// the tests that use it: the client is expected to stop long before.
    public static func zeros(inflatedBytes: Int) -> Data {
        // Fixed Huffman block: 3 header bits, literal 0 (8 bits), one match (13 bits) = 3 bytes;
        // then every 8 matches of length 258 at distance 1 are exactly 13 bytes.
        var bits = BitWriter()
        bits.put(1, count: 1)  // BFINAL
        bits.put(1, count: 2)  // BTYPE 01: fixed codes
        bits.putCode(0x30, length: 8)  // literal 0
        putMatch(&bits)
        let prefix = bits.bytes
        var group = BitWriter()
        for _ in 0..<8 { putMatch(&group) }
        let groups = max(0, (inflatedBytes - 259) / (8 * 258))
        var out = header
        out.append(contentsOf: prefix)
        out.reserveCapacity(out.count + groups * 13 + 9)
        for _ in 0..<groups { out.append(contentsOf: group.bytes) }
        out.append(0)  // end of block (7 zero bits) and padding
        out.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0])  // CRC and length: never reached
        return out
    }

    private static let header = Data([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03])

    private static func putMatch(_ bits: inout BitWriter) {
        bits.putCode(0xC5, length: 8)  // length symbol 285: 258 bytes
        bits.putCode(0, length: 5)  // distance code 0: distance 1
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    /// Deflate's bit order: fields least significant bit first, Huffman codes most significant first.
    private struct BitWriter {
        var bytes: [UInt8] = []
        var used = 0

        mutating func put(_ value: UInt32, count: Int) {
            for index in 0..<count { bit((value >> UInt32(index)) & 1) }
        }

        mutating func putCode(_ code: UInt32, length: Int) {
            for index in stride(from: length - 1, through: 0, by: -1) { bit((code >> UInt32(index)) & 1) }
        }

        private mutating func bit(_ value: UInt32) {
            if used % 8 == 0 { bytes.append(0) }
            bytes[bytes.count - 1] |= UInt8(value) << UInt8(used % 8)
            used += 1
        }
    }
}
