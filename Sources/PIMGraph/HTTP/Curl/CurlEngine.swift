import CCurl
import Foundation
import Synchronization

/// One thread that runs every transfer of the process on a libcurl multi handle: connections and
/// resolved names are kept between exchanges, many transfers share the thread, and while nothing
/// moves the thread sleeps in `curl_multi_poll` (no core is kept busy waiting for an answer).
///
/// The multi handle is touched only by the engine thread; other threads hand work over through
/// `inbox` and wake it with `curl_multi_wakeup`, the one call libcurl allows from anywhere.
///
/// `@unchecked Sendable`: `multi` and `running` are the engine thread's alone; `inbox` is a `Mutex`.
final class CurlEngine: @unchecked Sendable {
    static let shared = CurlEngine()

    private struct Inbox {
        var added: [CurlExchange] = []
        var cancelled: [UInt64] = []
        var nextSerial: UInt64 = 0
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    /// Transfers handed to libcurl, by their easy handle.
    private var running: [UnsafeMutableRawPointer: CurlExchange] = [:]
    /// Cancellations that arrived before their transfer did (serials are handed out in order).
    private var cancelledEarly: Set<UInt64> = []

    private init() {
        curl_global_init(pim_curl_global_default())
        guard let multi = curl_multi_init() else { fatalError("libcurl could not create a multi handle") }
        self.multi = multi
        let thread = Thread { [self] in self.loop() }
        thread.name = "pim-http"
        thread.start()
    }

    /// Runs `exchange` to its end; cancelling the calling task stops the transfer at once.
    func perform(_ exchange: CurlExchange) async throws -> HTTPResponse {
        let serial = inbox.withLock { box -> UInt64 in
            box.nextSerial += 1
            return box.nextSerial
        }
        exchange.serial = serial
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                exchange.attach(continuation)
                inbox.withLock { $0.added.append(exchange) }
                curl_multi_wakeup(multi)
            }
        } onCancel: {
            inbox.withLock { $0.cancelled.append(serial) }
            curl_multi_wakeup(multi)
        }
    }

    private func loop() {
        // A peer that closes mid-write must not kill the process: the write fails with EPIPE instead.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        while true {
            takeInbox()
            var active: Int32 = 0
            curl_multi_perform(multi, &active)
            collectFinished()
            // Sleeps until a socket is ready, libcurl's next timeout, or a wake-up from `perform`.
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func takeInbox() {
        let taken = inbox.withLock { box -> Inbox in
            let current = box
            box = Inbox()
            return current
        }
        for serial in taken.cancelled {
            guard let (handle, exchange) = running.first(where: { $0.value.serial == serial }) else {
                // Finished already, or its transfer is still on the way to the inbox.
                cancelledEarly.insert(serial)
                continue
            }
            remove(handle)
            exchange.cancel()
            exchange.release()
        }
        for exchange in taken.added {
            if cancelledEarly.remove(exchange.serial) != nil {
                exchange.cancel()
                exchange.release()
                continue
            }
            running[exchange.handle] = exchange
            curl_multi_add_handle(multi, exchange.handle)
        }
    }

    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard pim_curl_message_is_done(message) != 0, let handle = message.pointee.easy_handle,
                let exchange = running[handle]
            else { continue }
            let code = pim_curl_message_result(message)
            remove(handle)
            exchange.finish(code)
            exchange.release()
        }
    }

    private func remove(_ handle: UnsafeMutableRawPointer) {
        curl_multi_remove_handle(multi, handle)
        running[handle] = nil
    }
}
