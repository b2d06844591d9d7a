import Foundation
@_spi(Fuzzing) import PIMGraph
import PIMCommandLine
import PIMDomain

extension FuzzTarget {
    /// Parses as typed. A parsed duration is never negative, and its ISO 8601 form (what Graph is
    /// sent) and its short form (what pim shows) both parse back to the same duration.
    static func duration(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        guard let parsed = try? ActivationDuration(parsing: text) else { return }
        precondition(parsed.seconds >= 0, "negative duration from \(text.debugDescription)")
        precondition(
            (try? ActivationDuration(parsing: parsed.iso8601)) == parsed,
            "ISO form \(parsed.iso8601) does not round-trip")
        if parsed.seconds > 0 {
            precondition(
                (try? ActivationDuration(parsing: parsed.shortDescription)) == parsed,
                "short form \(parsed.shortDescription) does not round-trip")
        }
    }

    /// Every reader of Graph bytes (`GraphFuzzing.exercise` checks its own invariants).
    static func graphJSON(_ data: Data) {
        GraphFuzzing.exercise(data)
    }

    /// argv split at NUL bytes. The parser answers with an invocation or a usage error that says
    /// something; it never traps.
    static func arguments(_ data: Data) {
        let argv = data.split(separator: 0, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        do throws(UsageError) {
            _ = try ArgumentParser.parse(argv)
        } catch {
            precondition(!error.message.isEmpty, "usage error without a message")
        }
    }

    /// A configuration file: parsed, or refused with a message naming the file.
    static func config(_ data: Data) {
        do throws(ConfigurationError) {
            _ = try Configuration.parse(data, path: "config.json")
        } catch {
            precondition(error.description.contains("config.json"), "configuration error without the file name")
        }
    }
}
