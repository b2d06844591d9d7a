import CNCursesW
import Foundation
import PIMScreen
@_spi(Fuzzing) @testable import PIMTerminal
import Testing

extension CursesTests {
    @Test("with colours, the style roles reach the terminal as colour escapes")
    func coloursAreSent() throws {
        let terminal = try CursesTerminal(noColor: false)
        defer { terminal.close() }
        terminal.backend.draw(Self.styledScreen())
        let parameters = SGR.parameters(in: try terminal.pty.output())
        #expect(!parameters.intersection(SGR.colourParameters).isEmpty, "no colour at all: \(parameters.sorted())")
    }

    @Test("NO_COLOR: bold, reverse, underline and dim only, never a colour escape")
    func noColorSendsNoColour() throws {
        let terminal = try CursesTerminal(noColor: true)
        defer { terminal.close() }
        terminal.backend.draw(Self.styledScreen())
        let bytes = try terminal.pty.output()
        let parameters = SGR.parameters(in: bytes)
        #expect(
            parameters.intersection(SGR.colourParameters).isEmpty,
            """
            colour escapes under NO_COLOR: \(parameters.intersection(SGR.colourParameters).sorted()) in \
            \(bytes.visible)
            """
        )
        #expect(!bytes.contains("38;5;") && !bytes.contains("48;5;"))
        // The roles still look different: selection in reverse, headers bold, dim rows dim.
        #expect(parameters.contains(1), "no bold: \(parameters.sorted())")
        #expect(parameters.contains(7), "no reverse: \(parameters.sorted())")
        #expect(parameters.contains(2), "no dim: \(parameters.sorted())")
        #expect(parameters.contains(4), "no underline: \(parameters.sorted())")
    }

    @Test("NO_COLOR maps each role to the attribute that keeps it recognisable")
    func noColorRoles() {
        let palette = ColorPalette(noColor: true)
        for role in StyleRole.allCases {
            let look = palette.look(role)
            #expect(look.foreground == -1 && look.background == -1, "\(role) has a colour")
            #expect(palette.pairNumber(role) == 0, "\(role) has a colour pair")
        }
        #expect(palette.look(.selectedRow).reverse)
        #expect(palette.look(.tabActive).reverse)
        #expect(palette.look(.cursor).reverse)
        #expect(palette.look(.header).bold)
        #expect(palette.look(.error).bold)
        #expect(palette.look(.urgencyImminent).bold && palette.look(.urgencyImminent).reverse)
        #expect(palette.look(.expired).dim)
        #expect(palette.look(.inputFocused).underline)
        // The selected row must differ from an ordinary one, or the cursor is invisible.
        #expect(palette.look(.selectedRow) != palette.look(.normal))
    }

    @Test("a terminal without colours gets the NO_COLOR looks")
    func monochromeTerminal() throws {
        let terminal = try CursesTerminal(term: "vt100", noColor: false)
        defer { terminal.close() }
        terminal.backend.draw(Self.styledScreen())
        let parameters = SGR.parameters(in: try terminal.pty.output())
        #expect(parameters.intersection(SGR.colourParameters).isEmpty)
        #expect(parameters.contains(7), "no reverse on vt100: \(parameters.sorted())")
    }

    @Test("a palette override in the configuration changes the colour the terminal receives")
    func paletteOverride() throws {
        var screen = Screen(width: 80, height: 24)
        screen.put("Name          State", x: 0, y: 0, width: 40, style: .header)
        // Default: headers are yellow (SGR 33).
        let plain = try CursesTerminal()
        plain.backend.draw(screen)
        let plainParameters = SGR.parameters(in: try plain.pty.output())
        plain.close()
        #expect(plainParameters.contains(33), "\(plainParameters.sorted())")
        // "header": "magenta" in the configuration: SGR 35, no yellow.
        let themed = try CursesTerminal(palette: ["header": "magenta", "nonsense": "red", "error": "no-such-colour"])
        themed.backend.draw(screen)
        let themedParameters = SGR.parameters(in: try themed.pty.output())
        themed.close()
        #expect(themedParameters.contains(35), "\(themedParameters.sorted())")
        #expect(!themedParameters.contains(33), "\(themedParameters.sorted())")
    }

    @Test("palette names: the eight curses colours and the terminal default; unknown names are ignored")
    func paletteNames() {
        let palette = ColorPalette(
            noColor: false, names: ["header": "Magenta", "error": "default", "title": "purple", "bogus": "red"])
        #expect(palette.look(.header).foreground == 5)
        #expect(palette.look(.error).foreground == -1)
        #expect(palette.look(.title) == ColorPalette(noColor: false).look(.title))
        #expect(palette.overrides.count == 2)
        // NO_COLOR beats the configuration's colours.
        let plain = ColorPalette(noColor: true, names: ["header": "magenta"])
        #expect(plain.look(.header).foreground == -1)
    }
}

/// Select Graphic Rendition parameters in a byte stream.
enum SGR {
    /// Foreground and background colours: 30–39, 40–49, 90–97, 100–107 (38 and 48 start 256/RGB colours).
    static let colourParameters: Set<Int> = Set(30...49).union(90...97).union(100...107)

    /// Every parameter of every `ESC [ … m` in `bytes` (an empty parameter counts as 0).
    static func parameters(in bytes: [UInt8]) -> Set<Int> {
        Set(sequences(in: bytes).joined())
    }

    /// The rendition a terminal is left in after `bytes`: empty when everything is back to normal,
    /// otherwise the names of what is still on ("bold", "reverse", "foreground", …).
    static func renditionLeft(by bytes: [UInt8]) -> Set<String> {
        var on: Set<String> = []
        for parameters in sequences(in: bytes) {
            var index = 0
            while index < parameters.count {
                let parameter = parameters[index]
                switch parameter {
                case 0: on.removeAll()
                case 1: on.insert("bold")
                case 2: on.insert("dim")
                case 4: on.insert("underline")
                case 5: on.insert("blink")
                case 7: on.insert("reverse")
                case 22: on.remove("bold"); on.remove("dim")
                case 24: on.remove("underline")
                case 25: on.remove("blink")
                case 27: on.remove("reverse")
                case 30...37, 90...97: on.insert("foreground")
                case 39: on.remove("foreground")
                case 40...47, 100...107: on.insert("background")
                case 49: on.remove("background")
                case 38, 48:
                    on.insert(parameter == 38 ? "foreground" : "background")
                    // 38;5;N or 38;2;R;G;B
                    if index + 1 < parameters.count { index += parameters[index + 1] == 5 ? 2 : 4 }
                default: break
                }
                index += 1
            }
        }
        return on
    }

    static func sequences(in bytes: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "[") else { index += 1; continue }
            var end = index + 2
            while end < bytes.count, (0x30...0x3F).contains(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "m") {
                let body = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                found.append(body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
            }
            index = end
        }
        return found
    }
}
