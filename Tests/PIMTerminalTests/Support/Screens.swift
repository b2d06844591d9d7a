import PIMDomain
import PIMScreen

extension CursesTests {
    /// A screen with `lines` from the top-left corner, each through the sanitiser as service text is.
    static func textScreen(_ lines: [String], width: Int = 80, height: Int = 24, style: StyleRole = .normal) -> Screen {
        var screen = Screen(width: width, height: height)
        for (y, line) in lines.enumerated() where y < height {
            screen.put(DisplayText(untrusted: line), x: 0, y: y, style: style)
        }
        return screen
    }

    /// A screen using every style role once per row, as the views do (title, tabs, rows, status).
    static func styledScreen(width: Int = 80, height: Int = 24) -> Screen {
        var screen = Screen(width: width, height: height)
        for (y, role) in StyleRole.allCases.enumerated() where y < height {
            screen.put(DisplayText(untrusted: "\(role.rawValue) row"), x: 0, y: y, width: 30, style: role)
        }
        return screen
    }
}
