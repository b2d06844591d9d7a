import Testing
@testable import PIMDomain

@Suite struct SanitizerTests {
    /// Nothing a terminal interprets may survive: no C0 (but none at all), no DEL, no C1.
    static func isInert(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            !(s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
                || (0x2066...0x2069).contains(s.value) || s.value == 0x200B || s.value == 0x200E || s.value == 0x200F)
        }
    }

    @Test(arguments: [
        "Global Admin\u{1B}[2J\u{1B}[H",  // CSI clear screen + home
        "role\u{1B}]0;pwned\u{07}",  // OSC title
        "x\u{1B}]52;c;ZXZpbA==\u{07}",  // OSC 52 clipboard
        "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",  // OSC 8 hyperlink
        "ding\u{07}\u{07}",  // BEL
        "c1\u{9B}31m red",  // 8-bit CSI
        "admin\u{202E}txt.exe",  // bidi override
        "zero\u{200B}width\u{2066}iso\u{2069}",  // zero width + isolate
        "line1\nline2\r\tend",
        "\u{1B}P1$r\u{1B}\\",  // DCS
    ])
    func neutralises(raw: String) {
        let clean = Sanitizer.sanitize(raw)
        #expect(Self.isInert(clean))
        #expect(!clean.contains("\u{1B}"))
    }

    @Test func escapeBecomesVisible() {
        #expect(Sanitizer.sanitize("a\u{1B}[31mb") == "a␛[31mb")
        #expect(Sanitizer.sanitize("bell\u{07}") == "bell␇")
        #expect(Sanitizer.sanitize("c\u{9B}d") == "c<9B>d")
        #expect(Sanitizer.sanitize("x\u{202E}y") == "x<U+202E>y")
    }

    @Test func ordinaryTextIsUntouched() {
        for text in [
            "Global Administrator", "Sécurité réseau", "管理者 ロール", "Team 🎉 ops",
            "pag_Tier0.Intune.SAWClientAdmin",
        ] {
            #expect(Sanitizer.sanitize(text) == text)
            #expect(Sanitizer.isClean(text))
        }
        #expect(!Sanitizer.isClean("a\u{1B}b"))
    }

    @Test func displayTextCannotCarryRawControls() {
        let text = DisplayText(untrusted: "name\u{1B}[2J")
        #expect(Self.isInert(text.string))
        let joined = text + DisplayText(untrusted: "\u{07}")
        #expect(Self.isInert(joined.string))
    }
}

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("é", 1), ("e\u{301}", 1), ("日本語", 6), ("🎉", 2), ("✓", 1), ("a\u{200B}b", 2),
        ("한국", 4), ("ｶﾀｶﾅ", 4), ("ＡＢ", 4), ("✔️", 2), ("", 0),
    ])
    func measures(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func truncatesByColumnsNotCharacters() {
        #expect(DisplayWidth.truncate("日本語のロール", to: 7) == "日本語…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("日本語のロール", to: 7)) <= 7)
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    }

    @Test func padsToExactWidth() {
        #expect(DisplayWidth.pad("日本", to: 6) == "日本  ")
        #expect(DisplayWidth.of(DisplayWidth.pad("日本語のロール", to: 8)) == 8)
        #expect(DisplayWidth.pad("7m", to: 4, alignRight: true) == "  7m")
    }
}
