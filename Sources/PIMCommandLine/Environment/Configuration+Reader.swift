import Foundation
import PIMDomain

extension Configuration {
    /// Typed access to the decoded JSON object with errors naming the key and the expected type.
    struct Reader {
        let dict: [String: Any]
        let path: String

        func fail(_ key: String, _ expected: String) -> ConfigurationError {
            ConfigurationError(path: path, problem: "has \(key) of the wrong type: it must be \(expected)")
        }

        func string(_ key: String) throws(ConfigurationError) -> String? {
            guard let value = dict[key], !(value is NSNull) else { return nil }
            guard let text = value as? String else { throw fail(key, "a string") }
            return text.isEmpty ? nil : text
        }

        func bool(_ key: String) throws(ConfigurationError) -> Bool? {
            guard let value = dict[key], !(value is NSNull) else { return nil }
            guard let number = value as? NSNumber, Self.isBoolean(number) else { throw fail(key, "true or false") }
            return number.boolValue
        }

        func stringMap(_ key: String) throws(ConfigurationError) -> [String: String] {
            guard let value = dict[key], !(value is NSNull) else { return [:] }
            guard let map = value as? [String: Any] else { throw fail(key, "an object of strings") }
            var out: [String: String] = [:]
            for (name, text) in map {
                guard let text = text as? String else { throw fail("\(key).\(name)", "a string") }
                out[name] = text
            }
            return out
        }

        func roleSets() throws(ConfigurationError) -> [String: [String]] {
            guard let value = dict["roleSets"], !(value is NSNull) else { return [:] }
            guard let map = value as? [String: Any] else { throw fail("roleSets", "an object of arrays of names") }
            var out: [String: [String]] = [:]
            for (name, list) in map {
                guard let names = list as? [String], !names.isEmpty else {
                    throw fail("roleSets.\(name)", "a non-empty array of role or group names")
                }
                out[name] = names
            }
            return out
        }

        /// JSON `true`/`false` arrive as NSNumber too; on Linux `1 is Bool` holds, so ask for the
        /// number's own type instead.
        static func isBoolean(_ number: NSNumber) -> Bool {
            let type = String(cString: number.objCType)
            return type == "c" || type == "B"
        }

        /// Seconds as a number, or a duration string (`30s`, `1m`).
        func interval(_ key: String) throws(ConfigurationError) -> Double? {
            guard let value = dict[key], !(value is NSNull) else { return nil }
            if let text = value as? String {
                do throws(DurationParseError) { return Double(try ActivationDuration(parsing: text).seconds) } catch {
                    throw ConfigurationError(path: path, problem: "has \(key) \"\(text)\": \(error.message)")
                }
            }
            guard let number = value as? NSNumber, !Self.isBoolean(number), number.doubleValue > 0 else {
                throw fail(key, "a number of seconds or a duration such as \"60s\"")
            }
            return number.doubleValue
        }

        /// `true`/`false`, `"auto"|"always"|"never"`, or an object of colour names by style slot.
        func colors(into config: inout Configuration) throws(ConfigurationError) {
            guard let value = dict["colors"], !(value is NSNull) else { return }
            if let number = value as? NSNumber, Self.isBoolean(number) {
                let flag = number.boolValue
                config.colors = flag ? .auto : .never
            } else if let text = value as? String {
                guard let mode = ColorMode(rawValue: text) else {
                    throw ConfigurationError(
                        path: path, problem: "has colors \"\(text)\": use auto, always, never, true, false or an object"
                    )
                }
                config.colors = mode
            } else if value is [String: Any] {
                config.palette = try stringMap("colors")
            } else {
                throw fail("colors", "true, false, \"auto\", \"always\", \"never\" or an object of colour names")
            }
        }
    }
}
