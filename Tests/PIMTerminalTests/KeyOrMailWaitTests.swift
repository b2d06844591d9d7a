import Foundation
import PIMApp
@testable import PIMTerminal
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The curses thread waits for a key or for mail, whichever comes first: an answer from the service is
/// drawn when it is posted, not when the key wait runs out.
@Suite struct KeyOrMailWaitTests {
    /// A pipe standing in for the terminal: the test writes "keys" to its write end.
    final class FakeTerminal {
        let read: Int32
        private(set) var write: Int32
        init() {
            var ends: [Int32] = [-1, -1]
            _ = pipe(&ends)
            (read, write) = (ends[0], ends[1])
        }
        func hangUp() {
            close(write)
            write = -1
        }
        deinit {
            close(read)
            if write >= 0 { close(write) }
        }
    }

    @Test func postedMailWakesTheWaitWithoutAKey() {
        let terminal = FakeTerminal()
        let mailbox = Mailbox()
        #expect(KeyOrMailWait.wait(mailbox: mailbox.wakeDescriptor, milliseconds: 0, input: terminal.read) == .timeout)
        mailbox.post(.bell)
        mailbox.post(.bell)
        // A long wait: it returns at once because mail is waiting.
        #expect(
            KeyOrMailWait.wait(mailbox: mailbox.wakeDescriptor, milliseconds: 60_000, input: terminal.read) == .mail)
        #expect(mailbox.take().bells == 2)
        // Taking the mail quiets the wake-up until the next post.
        #expect(KeyOrMailWait.wait(mailbox: mailbox.wakeDescriptor, milliseconds: 0, input: terminal.read) == .timeout)
    }

    @Test func aKeyIsReportedBeforeMail() {
        let terminal = FakeTerminal()
        let mailbox = Mailbox()
        mailbox.post(.bell)
        var key: UInt8 = 0x71
        _ = write(terminal.write, &key, 1)
        #expect(KeyOrMailWait.wait(mailbox: mailbox.wakeDescriptor, milliseconds: 0, input: terminal.read) == .input)
    }

    @Test func theEndOfInputIsReportedAsInput() {
        let terminal = FakeTerminal()
        let mailbox = Mailbox()
        terminal.hangUp()
        #expect(
            KeyOrMailWait.wait(mailbox: mailbox.wakeDescriptor, milliseconds: 60_000, input: terminal.read) == .input)
    }
}
