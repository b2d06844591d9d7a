import Foundation
import PIMApp
import PIMDomain

/// The two bottom rows: the message line (filter being typed, quit question, flash, last error,
/// time since refresh) and the key hints of what can be done now, from `KeyMap`. An error or
/// warning too long for its row also takes the hints' row, and a third row above when `render`
/// lends one (`rowsWanted`); the hints return with the next message.
enum StatusLine {
    /// The most rows a long error or warning may take.
    static let longestMessage = 3

    /// Rows the status area wants at `width`: 2, or up to `longestMessage` for a long error or warning.
    static func rowsWanted(_ state: AppState, width: Int) -> Int {
        guard !state.currentList.isFiltering, let message = messageText(state),
            message.style == .error || message.style == .warning
        else { return 2 }
        let lines = TextLayout.wrap(StatusMessage.withoutQuotes(message.text), width: width).count
        return min(longestMessage, max(2, lines))
    }

    static func render(_ state: AppState, in rect: Rect, on screen: inout Screen) {
        guard rect.height >= 2 else { return }
        let messageRow = rect.y, hintRow = rect.maxY - 1
        for row in 0..<rect.height - 1 { screen.fill(rect.row(row), style: .normal) }
        screen.fill(rect.row(rect.height - 1), style: .keyHint)

        // A message that needs the whole row takes it from the refresh age, which the next look
        // at the line shows again; the step to take matters more.
        let list = state.currentList
        let message = messageText(state)
        let refresh = SanitizedText.of(refreshText(state))
        let right =
            message.map { DisplayWidth.of($0.text) > rect.width - refresh.width - 2 } == true ? 0 : refresh.width + 1
        if right > 0 { screen.put(refresh, x: rect.maxX - right, y: messageRow, maxWidth: right, style: .dim) }
        let room = rect.width - right - (right > 0 ? 1 : 0)
        // An error or warning too long for its row takes the hints' row too (the hints return with
        // the next message); only what still does not fit is shortened.
        var hintsShown = true
        if list.isFiltering {
            screen.put("/", x: rect.x, y: messageRow, style: .keyName)
            InputField.draw(
                list.filter, focused: true, in: Rect(x: rect.x + 1, y: messageRow, width: room - 1, height: 1),
                on: &screen)
        } else if let message {
            let text = StatusMessage.withoutQuotes(message.text)
            if DisplayWidth.of(text) > room, message.style == .error || message.style == .warning {
                let lines = TextLayout.wrap(text, width: room)
                let rows = rect.height
                screen.fill(rect.row(rows - 1), style: .normal)
                for (index, line) in lines.prefix(rows - 1).enumerated() {
                    screen.put(
                        SanitizedText.of(line), x: rect.x, y: messageRow + index, maxWidth: room, style: message.style)
                }
                let rest = lines.dropFirst(rows - 1).joined(separator: " ")
                screen.put(
                    SanitizedText.of(StatusMessage.fit(rest, width: room)), x: rect.x, y: hintRow, maxWidth: room,
                    style: message.style)
                hintsShown = false
            } else {
                let fitted =
                    message.sentence.map { StatusMessage.fit($0, width: room) }
                    ?? StatusMessage.fit(message.text, width: room)
                screen.put(SanitizedText.of(fitted), x: rect.x, y: messageRow, maxWidth: room, style: message.style)
            }
        }

        if hintsShown {
            KeyHintRow.draw(state, x: rect.x, y: hintRow, maxX: rect.maxX, helpStyle: .keyHint, on: &screen)
        }
    }

    /// The message row's text (sanitised) and style, unless the filter is being typed; a failure comes
    /// with its parts (sanitised), so that fitting it keeps the step whole.
    static func messageText(_ state: AppState) -> (text: String, style: StyleRole, sentence: ErrorSentence?)? {
        let sanitise = { (text: String) in SanitizedText.of(text).string }
        let list = state.currentList
        if list.isFiltering { return nil }
        if state.confirmingQuit {
            return (
                "Unsent text is kept as a draft for the next start, not sent. Quit anyway? y quits, n stays.",
                .warning, nil
            )
        }
        if let question = state.confirmationQuestion { return (sanitise(question), .warning, nil) }
        if let flash = state.flash {
            return (sanitise(flash.text), style(flash.level), flash.sentence?.map(event: sanitise, step: sanitise))
        }
        if let failure = state.failure {
            return (
                sanitise("✗ " + failure.text), .error, failure.map(event: { sanitise("✗ " + $0) }, step: sanitise)
            )
        }
        if state.pane == .myRoles || state.pane == .approvals, !list.marked.isEmpty, state.form == nil,
            state.dialog == nil
        {
            let what = state.pane == .myRoles ? "Enter activates them in one form" : "Enter opens them for one decision"
            return ("\(list.marked.count) marked: \(what) · Space unmarks", .info, nil)
        }
        if !list.filterText.isEmpty {
            let text =
                """
                filter \"\(list.filterText)\": \(list.visible.count) of \(state.rowCount(state.pane)) rows · / to \
                change, Esc in it to clear
                """
            return (sanitise(text), .info, nil)
        }
        return nil
    }

    static func refreshText(_ state: AppState) -> String {
        if state.isLoading && state.lastRefresh == nil { return "loading…" }
        let prefix = state.isLoading ? "refreshing… " : ""
        guard let last = state.lastRefresh else { return prefix + "not loaded" }
        let seconds = max(0, Int(state.now.timeIntervalSince(last)))
        let age = seconds < 60 ? "\(seconds)s" : Countdown.elapsed(Double(seconds))
        return prefix + "refreshed \(age) ago"
    }

    static func style(_ level: Flash.Level) -> StyleRole {
        switch level {
        case .info: .info
        case .success: .success
        case .warning: .warning
        case .error: .error
        }
    }
}

/// A one-line text input with its cursor shown as a styled cell (the terminal cursor stays hidden).
/// Draws in time linear in the text: only the characters around the cursor that fit are measured
/// and sanitised (measuring every suffix before the cursor was quadratic, minutes for a long paste).
enum InputField {
    static func draw(_ field: TextField, focused: Bool, in rect: Rect, on screen: inout Screen) {
        guard rect.width > 0 else { return }
        let style: StyleRole = focused ? .inputFocused : .input
        screen.fill(rect, style: style)
        let text = field.text
        // The cursor is a public value: never trust it to lie inside the text when drawing.
        let cursor = text.index(text.startIndex, offsetBy: min(max(0, field.cursor), field.count))
        // Scroll so the cursor stays visible in long text: start as far left as keeps the text
        // before the cursor narrower than the field.
        var start = cursor
        var used = 0
        while start > text.startIndex {
            let previous = text.index(before: start)
            let width = DisplayWidth.of(text[previous])
            if used + width >= rect.width { break }
            used += width
            start = previous
        }
        // Then as many characters from there as can show (sanitised text may be wider, never narrower).
        var end = start
        var shown = 0
        while end < text.endIndex, shown < rect.width {
            shown += max(1, DisplayWidth.of(text[end]))
            end = text.index(after: end)
        }
        screen.put(
            DisplayText(untrusted: String(text[start..<end])), x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
        guard focused else { return }
        let before = DisplayText(untrusted: String(text[start..<cursor])).width
        let cursorX = rect.x + min(before, rect.width - 1)
        let under = cursor < text.endIndex ? DisplayText(untrusted: String(text[cursor])) : " "
        screen.put(under.width == 0 ? " " : under, x: cursorX, y: rect.y, maxWidth: 2, style: .cursor)
    }
}
