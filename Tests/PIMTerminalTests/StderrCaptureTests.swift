import CNCursesW
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// While the interface owns the terminal, stderr goes to a private file and is written out when the
/// terminal is restored, so a warning or a Swift fatal error's message is read after the alternate
/// screen is gone instead of being drawn over and lost with it.
@Suite(.serialized) struct StderrCaptureTests {
    @Test func whatIsWrittenToStderrDuringTheInterfaceAppearsAfterItInOrder() throws {
        // Point this process's stderr at a pipe for the length of the test.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let original = dup(2)
        dup2(ends[1], 2)
        close(ends[1])
        defer { dup2(original, 2); close(original); close(ends[0]) }
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)

        cnc_capture_stderr()
        let message = "Fatal error: the kind of text a crash prints\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        #expect(read(ends[0], &buffer, buffer.count) <= 0, "stderr reached the terminal while the interface owned it")

        cnc_release_stderr()
        let count = read(ends[0], &buffer, buffer.count)
        #expect(count > 0)
        #expect(
            String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).contains(
                "Fatal error: the kind of text a crash prints"))
        // Released: stderr writes straight through again.
        _ = "after\n".withCString { write(2, $0, strlen($0)) }
        let later = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, later)), as: UTF8.self) == "after\n")
    }
}
