import CNCursesW
import PIMScreen

/// How each semantic style looks: a colour pair plus attributes, or, under NO_COLOR, bold,
/// reverse, underline and dim only. Views never name a colour.
struct ColorPalette {
    struct Look: Equatable {
        var foreground: Int16
        var background: Int16
        var bold = false
        var reverse = false
        var underline = false
        var dim = false
    }

    let noColor: Bool
    /// Foreground colours chosen in the configuration, by role.
    var overrides: [StyleRole: Int16] = [:]

    init(noColor: Bool, names: [String: String] = [:]) {
        self.noColor = noColor
        for (slot, name) in names {
            if let role = StyleRole(rawValue: slot), let color = Self.colorNumber(name) { overrides[role] = color }
        }
    }

    static func colorNumber(_ name: String) -> Int16? {
        let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if name.lowercased() == "default" { return -1 }
        return names.firstIndex(of: name.lowercased()).map(Int16.init)
    }

    /// Colour numbers are curses' (`COLOR_RED` = 1 …); -1 is the terminal's default.
    func look(_ role: StyleRole) -> Look {
        if noColor { return monochrome(role) }
        var look = baseLook(role)
        if let color = overrides[role] { look.foreground = color }
        return look
    }

    private func baseLook(_ role: StyleRole) -> Look {
        switch role {
        case .normal, .dialog, .keyHint: return Look(foreground: -1, background: -1)
        case .title: return Look(foreground: 7, background: 4, bold: true)
        case .tabActive: return Look(foreground: 0, background: 6, bold: true)
        case .tabInactive: return Look(foreground: -1, background: -1)
        case .header: return Look(foreground: 3, background: -1, bold: true)
        case .selectedRow: return Look(foreground: 0, background: 6)
        case .marked: return Look(foreground: 5, background: -1, bold: true)
        case .dim: return Look(foreground: -1, background: -1, dim: true)
        case .urgencyPlenty, .success: return Look(foreground: 2, background: -1)
        case .urgencySoon, .pending: return Look(foreground: 3, background: -1)
        case .urgencyImminent: return Look(foreground: 1, background: -1, bold: true)
        case .expired: return Look(foreground: 1, background: -1, dim: true)
        case .error, .tier0: return Look(foreground: 1, background: -1, bold: role == .error)
        case .warning: return Look(foreground: 3, background: -1, bold: true)
        case .info: return Look(foreground: 6, background: -1)
        case .keyName: return Look(foreground: 6, background: -1, bold: true)
        case .border: return Look(foreground: 4, background: -1)
        case .input: return Look(foreground: -1, background: -1, underline: true)
        case .inputFocused: return Look(foreground: -1, background: -1, bold: true, underline: true)
        case .cursor: return Look(foreground: -1, background: -1, reverse: true)
        }
    }

    private func monochrome(_ role: StyleRole) -> Look {
        var look = Look(foreground: -1, background: -1)
        switch role {
        case .title, .header, .marked, .urgencySoon, .error, .warning, .keyName, .tier0, .pending: look.bold = true
        case .tabActive, .selectedRow, .cursor: look.reverse = true
        case .urgencyImminent: look.bold = true; look.reverse = true
        case .dim, .expired: look.dim = true
        case .input: look.underline = true
        case .inputFocused: look.underline = true; look.bold = true
        default: break
        }
        return look
    }

    /// Pair numbers per role, assigned in `StyleRole.allCases` order (pair 0 is the default).
    func pairNumber(_ role: StyleRole) -> Int16 {
        noColor ? 0 : Int16(StyleRole.allCases.firstIndex(of: role)! + 1)
    }

    /// Declares the pairs to curses. Call once after `start_color`.
    func install() {
        guard !noColor else { return }
        for role in StyleRole.allCases {
            let look = look(role)
            init_pair(pairNumber(role), look.foreground, look.background)
        }
    }

    func attributes(_ role: StyleRole) -> attr_t {
        let look = look(role)
        var attributes = cnc_a_normal()
        if look.bold { attributes |= cnc_a_bold() }
        if look.reverse { attributes |= cnc_a_reverse() }
        if look.underline { attributes |= cnc_a_underline() }
        if look.dim { attributes |= cnc_a_dim() }
        return attributes
    }
}
