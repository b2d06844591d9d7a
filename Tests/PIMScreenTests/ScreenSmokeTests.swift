import Testing
@testable import PIMScreen
import PIMApp

@Test func printsScreen() {
    let s = render(Fixture.loaded())
    print(s.lines().joined(separator: "\n"))
}
