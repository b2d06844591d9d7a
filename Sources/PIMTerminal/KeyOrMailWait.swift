import Glibc

/// The curses thread's wait between frames: until the terminal has input, the runtime posts mail (a
/// new state, a bell), or the tick's time is up, whichever comes first.
enum KeyOrMailWait {
    enum Wake: Equatable {
        /// The terminal has input (or ended, or a signal arrived, which curses reads as a key).
        case input
        /// Only mail: draw it without reading a key.
        case mail
        case timeout
    }

    static func wait(mailbox: Int32, milliseconds: Int32, input: Int32 = STDIN_FILENO) -> Wake {
        var watched = [
            pollfd(fd: input, events: Int16(POLLIN), revents: 0),
            pollfd(fd: mailbox, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&watched, nfds_t(mailbox >= 0 ? 2 : 1), milliseconds)
        // Interrupted: a resize or another signal, which the loop handles after a read.
        if ready < 0 { return .input }
        if ready == 0 { return .timeout }
        return watched[0].revents != 0 ? .input : .mail
    }
}
