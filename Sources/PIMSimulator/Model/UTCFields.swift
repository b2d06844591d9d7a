import Foundation
import PIMDomain

/// Fast paths for the date text and comparisons the tenant does thousands of times per request
/// (every `$filter` on ids tried the date parser first, and every seeded record formats dates):
/// the common ISO 8601 shapes by arithmetic, anything unusual left to Foundation's format styles.
enum UTCFields {
    /// `2026-01-06T08:00:01Z`, or `…01.250Z` with milliseconds, as `Date.ISO8601FormatStyle` writes
    /// them; nil for years outside 1…9999 (left to Foundation).
    static func iso8601(_ date: Date) -> String? {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        // Whole seconds when the fraction rounds away (as GraphDate did); otherwise the style's
        // digits, which cut the fraction rather than round it.
        let rounded = Int(((seconds - whole) * 1000).rounded())
        var total = Int(whole)
        var millis = Int(((seconds - whole) * 1000).rounded(.down))
        let fractional = rounded != 0 && rounded != 1000
        if !fractional { millis = 0; total += rounded == 1000 ? 1 : 0 }
        let (days, inDay) = CivilDate.split(total)
        let (year, month, day) = CivilDate.fields(ofDay: days)
        guard (1...9999).contains(year) else { return nil }
        var text =
            """
            \(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(inDay / 3600)):\(pad(inDay % 3600 / 60)):\(pad(inDay % 60))
            """
        if fractional { text += ".\(pad(millis, 3))" }
        return text + "Z"
    }

    enum Parsed { case date(Date), notADate, unsure }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `.notADate` when the text cannot be a date at all
    /// (ids, names), `.unsure` for shapes Foundation should judge.
    static func parse(_ text: String) -> Parsed {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var value = 0
            for i in at..<(at + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        if b.first == 0x20 { return .unsure }  // leading space: Foundation trims and decides
        // Every form accepted below starts with a four-digit year and a dash; ids and names do not.
        guard let year = digits(0, 4), b.count > 4, b[4] == UInt8(ascii: "-") else { return .notADate }
        guard b.count >= 19, let month = digits(5, 2), b[7] == UInt8(ascii: "-"), let day = digits(8, 2),
            b[10] == UInt8(ascii: "T"), let hour = digits(11, 2), b[13] == UInt8(ascii: ":"),
            let minute = digits(14, 2),
            b[16] == UInt8(ascii: ":"), let second = digits(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return .unsure }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                fraction += Double(b[i] - 0x30) * scale; scale /= 10; i += 1
            }
            guard i > start else { return .unsure }
        }
        var offset = 0
        if i < b.count, b[i] == UInt8(ascii: "Z") {
            i += 1
        } else if i + 6 == b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"),
            let h = digits(i + 1, 2), b[i + 3] == UInt8(ascii: ":"), let m = digits(i + 4, 2)
        {
            offset = (h * 3600 + m * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
            i += 6
        } else {
            return .unsure  // zone-less or unusual: Foundation decides
        }
        guard i == b.count, day <= daysIn(month, year) else { return .unsure }
        let days = CivilDate.day(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return .date(Date(timeIntervalSince1970: Double(seconds) + fraction))
    }

    /// Case-insensitive order of two ASCII strings (ids, enum values), as `caseInsensitiveCompare`
    /// orders them; nil when either is not ASCII.
    static func caseInsensitiveOrder(_ a: String, _ b: String) -> ComparisonResult? {
        var x = a.utf8.makeIterator(), y = b.utf8.makeIterator()
        while true {
            switch (x.next(), y.next()) {
            case (nil, nil): return .orderedSame
            case (nil, _?): return .orderedAscending
            case (_?, nil): return .orderedDescending
            case let (p?, q?):
                guard p < 0x80, q < 0x80 else { return nil }
                let l = lower(p), r = lower(q)
                if l != r { return l < r ? .orderedAscending : .orderedDescending }
            }
        }
    }

    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }

    private static func pad(_ value: Int, _ count: Int = 2) -> String {
        let text = String(value)
        return text.count < count ? String(repeating: "0", count: count - text.count) + text : text
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
