import Foundation
import PIMApp
import PIMAppFixtures
import PIMDomain
@testable import PIMScreen
import Testing

/// The cell grid itself: wide characters, clipping, overwrites, the sanitiser at the door, speed.
@Suite struct ScreenTests {
    @Test func wideCharactersTakeTwoCellsAndTheSecondIsEmpty() {
        var screen = Screen(width: 6, height: 1)
        let used = screen.put("日本", x: 0, y: 0)
        #expect(used == 4)
        #expect(screen.cells.map(\.text) == ["日", "", "本", "", " ", " "])
        #expect(screen.lines() == ["日本  "])
    }

    @Test func textThatDoesNotFitIsCutWithAnEllipsisNeverHalfAWideCharacter() {
        var screen = Screen(width: 3, height: 1)
        screen.put("a日本", x: 0, y: 0)
        #expect(screen.lines() == ["a… "])
        var narrow = Screen(width: 4, height: 1)
        narrow.put("ab日", x: 0, y: 0, maxWidth: 3)
        #expect(narrow.lines() == ["ab… "])
        var fits = Screen(width: 4, height: 1)
        fits.put("ab日", x: 0, y: 0)
        #expect(fits.lines() == ["ab日"])
        var ascii = Screen(width: 8, height: 1)
        ascii.put("approved", x: 0, y: 0, maxWidth: 6)
        #expect(ascii.lines() == ["appro…  "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 4, height: 1)
        screen.put("日本", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen.lines() == [" x本"])
        screen.put("y", x: 2, y: 0)
        #expect(screen.lines() == [" xy "])
    }

    @Test func everyRowIsExactlyTheScreenWidth() {
        var state = Fixture.loaded(width: 80, height: 24)
        _ = update(&state, .key("2"))
        for line in render(state).lines() { #expect(DisplayWidth.of(line) == 80) }
    }

    @Test func emojiModifiersAreDroppedSoColumnsAgreeWithTheTerminal() {
        var screen = Screen(width: 6, height: 1)
        screen.put(DisplayText(untrusted: "👍🏽✔️a"), x: 0, y: 0)
        #expect(screen.lines() == ["👍✔a  "])
    }

    @Test func untrustedTextCannotCarryEscapesIntoCells() {
        var screen = Screen(width: 40, height: 1)
        screen.put(DisplayText(untrusted: "a\u{1B}[2Jb\u{07}\u{9B}"), x: 0, y: 0)
        #expect(screen.lines()[0].hasPrefix("a␛[2Jb␇<9B>"))
    }

    @Test func clicksMapToTabsAndRows() {
        let screen = render(Fixture.loaded())
        #expect(screen.clickTarget(x: 3, y: 1) == .pane(.myRoles))
        #expect(screen.clickTarget(x: 20, y: 1) == .pane(.approvals))
        #expect(screen.clickTarget(x: 10, y: Layout.tableTop + 2) == .row(2))
        #expect(screen.clickTarget(x: 10, y: 0) == nil)
    }

    @Test func tenThousandRowsRenderOnlyWhatIsVisible() {
        var dashboard = Fixture.dashboard
        dashboard.eligibilities = (0..<10_000).map {
            Fixture.eligibility(ElevationTarget(id: .group("g\($0)"), displayName: "group-\($0)"))
        }
        var state = AppState(now: Fixture.now, width: 132, height: 40)
        _ = update(&state, .dashboardLoaded(.success(dashboard)))
        _ = update(&state, .key("G"))
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<10 { _ = render(state) }
        }
        #expect(elapsed < .seconds(2), "10 renders of a 10,000-row table took \(elapsed)")
        #expect(render(state).lines().contains { $0.contains("group-9999") })
    }

    @Test func aTinyTerminalAsksForMoreRoom() {
        let screen = render(Fixture.loaded(), width: 15, height: 5)
        #expect(screen.lines()[0].hasPrefix("pim: make the"))
    }
}

/// The diff the terminal flushes: only changed cells, never a trailing half on its own.
@Suite struct ScreenDiffTests {
    @Test func firstFrameWritesEveryLeadingCell() {
        var screen = Screen(width: 4, height: 1)
        screen.put("日a", x: 0, y: 0)
        let changes = ScreenDiff.changes(from: nil, to: screen)
        #expect(changes.map(\.x) == [0, 2, 3])
    }

    @Test func unchangedFramesWriteNothingAndChangesWriteOnlyThemselves() {
        var a = Screen(width: 10, height: 2)
        a.put("hello", x: 0, y: 0)
        #expect(ScreenDiff.changes(from: a, to: a).isEmpty)
        var b = a
        b.put("J", x: 0, y: 0)
        #expect(ScreenDiff.changes(from: a, to: b) == [ScreenDiff.Change(x: 0, y: 0, cell: Cell("J"))])
    }

    @Test func aWideCharacterReplacingNarrowOnesIsWrittenFromItsLeadingCell() {
        var a = Screen(width: 4, height: 1)
        a.put("abcd", x: 0, y: 0)
        var b = a
        b.put("日", x: 1, y: 0)
        #expect(ScreenDiff.changes(from: a, to: b) == [ScreenDiff.Change(x: 1, y: 0, cell: Cell("日"))])
    }

    @Test func aResizeRedrawsEverything() {
        let a = Screen(width: 2, height: 1), b = Screen(width: 3, height: 1)
        #expect(ScreenDiff.changes(from: a, to: b).count == 3)
    }

    @Test func manyFormTargetsFitInThreeLinesEndingInAnEllipsis() {
        let targets = (1...12).map {
            ElevationTarget(id: .role("r-\($0)"), displayName: "Application Administrator \($0)")
        }
        let form = ActivationForm(targets: targets, policies: [:], draft: ActivationDraft())
        let lines = ActivationFormView.targetLines(form, width: 76)
        #expect(lines.count == 3)
        var screen = Screen(width: 76, height: 3)
        for (row, line) in lines.enumerated() { line.draw(x: 0, y: row, width: 76, on: &screen) }
        let text = screen.lines()
        #expect(text[0].hasPrefix("For 12 targets: Application Administrator 1, Application Administrator 2,"))
        #expect(text[2].trimmingCharacters(in: .whitespaces).hasSuffix("…"))
    }
}
