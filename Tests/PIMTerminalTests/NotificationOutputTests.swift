import Foundation
import PIMApp
import PIMDomain
@testable import PIMTerminal
import Testing

/// A notification the runtime sends reaches the curses thread's mailbox, and from there the terminal
/// as one whole sequence.
@Suite struct NotificationOutputTests {
    let note = DesktopNotification(title: "Request denied", body: "Ben Okafor denied it:\u{1B}]0;owned\u{7} no ticket.")

    @Test func theMailboxKeepsEveryNotificationUntilTaken() {
        let mailbox = Mailbox()
        mailbox.post(.notify(note))
        mailbox.post(.bell)
        mailbox.post(.notify(note))
        let mail = mailbox.take()
        #expect(mail.notifications == [note, note])
        #expect(mail.bells == 1)
        #expect(mailbox.take().notifications.isEmpty)
    }

    @Test func theSequenceIsWrittenWholeToTheTerminal() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        NotificationOutput(notifier: DesktopNotifier(channel: .osc777, launch: { _, _ in }), descriptor: ends[1])
            .send([note])
        close(ends[1])
        let written = FileHandle(fileDescriptor: ends[0]).readDataToEndOfFile()
        let text = String(decoding: written, as: UTF8.self)
        #expect(text == "\u{1B}]777;notify;Request denied;Ben Okafor denied it:␛]0;owned␇ no ticket.\u{1B}\\")
        // One ESC opens, one closes: the service's ESC and BEL arrive as visible pictures.
        #expect(written.filter { $0 == 0x1B }.count == 2)
        #expect(!written.contains(0x07))
    }

    @Test func offWritesNothing() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        NotificationOutput(notifier: .off, descriptor: ends[1]).send([note])
        close(ends[1])
        #expect(FileHandle(fileDescriptor: ends[0]).readDataToEndOfFile().isEmpty)
    }
}
