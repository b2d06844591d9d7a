import Foundation
import PIMDomain
import Testing
@testable import PIMCommandLine

@Suite struct TableTests {
    @Test func alignsByDisplayWidth() {
        var table = Table([.init("NAME"), .init("LEFT", alignRight: true)])
        table.add([Table.Cell("日本語"), Table.Cell("5m")])
        table.add([Table.Cell("abc"), Table.Cell("10m")])
        #expect(table.render(width: nil, color: false) == "NAME    LEFT\n日本語    5m\nabc      10m\n")
    }

    @Test func colourCoversTheTextNotThePadding() {
        var table = Table([.init("A"), .init("LEFT", alignRight: true)])
        table.add([Table.Cell("x", style: .green), Table.Cell("5m", style: .yellow)])
        #expect(table.render(width: nil, color: true).hasSuffix("\u{1B}[32mx\u{1B}[0m    \u{1B}[33m5m\u{1B}[0m\n"))
    }

    @Test func cutsFlexibleColumnsToFit() {
        var table = Table([.init("ID"), .init("NAME", flexible: true)])
        table.add([Table.Cell("id-1"), Table.Cell("A very long role name that does not fit")])
        let text = table.render(width: 24, color: false)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 24) }
        #expect(text.contains("id-1"))
        #expect(text.contains("…"))
    }

    @Test func jsonEscapesControls() {
        #expect(JSONValue.string("a\u{1B}b\"\n").rendered() == "\"a\\u001bb\\\"\\n\"\n")
        #expect(
            JSONValue.object([("a", .null), ("b", .array([]))]).rendered() == "{\n  \"a\": null,\n  \"b\": []\n}\n")
        // Bidi overrides and tag characters are escaped but parse back to the same string.
        let tricky = "admin\u{202E}txt.exe\u{E0041}日本"
        let rendered = JSONValue.string(tricky).rendered()
        #expect(rendered == "\"admin\\u202etxt.exe\\udb40\\udc41日本\"\n")
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(rendered.utf8), options: .fragmentsAllowed)) as? String
                == tricky)
    }
}

@Suite struct NarrowTableTests {
    @Test func dropsLowRankColumnsBeforeCuttingNamesShort() {
        var table = Table([.init("NAME", flexible: true), .init("ENDS", dropRank: 1), .init("LEFT")])
        table.add([Table.Cell("Privileged Role Administrator"), Table.Cell("Wed 2 Dec 12:09"), Table.Cell("2h 00m")])
        let wide = table.render(width: nil, color: false)
        #expect(wide.contains("ENDS"))
        let narrow = table.render(width: 30, color: false)
        #expect(!narrow.contains("ENDS"))
        #expect(narrow.contains("Privileged Role…") || narrow.contains("Privileged Role Admin"))
        for line in narrow.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 30) }
    }
}
