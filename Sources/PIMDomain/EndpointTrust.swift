import Foundation

/// Where the client may send a token or a sign-in: anywhere over https, and over plain http only to this
/// machine (test servers, the simulated tenant behind a proxy). Pure: it reads the URL, not the network.
public enum EndpointTrust {
    /// True for https, and for http to a loopback literal or `localhost`.
    public static func allowsSecrets(_ url: URL) -> Bool {
        switch url.scheme?.lowercased() {
        case "https": return true
        case "http": return isLoopback(host: url.host ?? "")
        default: return false
        }
    }

    /// An IPv4 literal in 127.0.0.0/8 written as four plain decimal numbers, the IPv6 loopback `::1`
    /// (in any spelling), or the name `localhost`. Names that merely start with `127.` and numbers a
    /// resolver would read differently (`127.1`, octal `0177.0.0.1`) are not: they could lead elsewhere.
    public static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" { return true }
        if name.contains(":") { return isIPv6Loopback(name) }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        var octets: [Int] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0", let value = Int(part), value <= 255
            else { return false }
            octets.append(value)
        }
        return octets[0] == 127
    }

    /// `::1` however it is written (`0:0:0:0:0:0:0:1`, `::0:1`); no zone, no embedded IPv4.
    static func isIPv6Loopback(_ text: String) -> Bool {
        guard !text.contains("%"), !text.contains("."), text.filter({ $0 == ":" }).count <= 7 else { return false }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ half: String) -> [Int]? {
            if half.isEmpty { return [] }
            var values: [Int] = []
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = Int(group, radix: 16) else { return nil }
                values.append(value)
            }
            return values
        }
        guard let head = groups(halves[0]), let tail = halves.count == 2 ? groups(halves[1]) : [] else { return false }
        let all: [Int]
        if halves.count == 2 {
            guard head.count + tail.count <= 7 else { return false }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard head.count == 8 else { return false }
            all = head
        }
        return all.dropLast().allSatisfy { $0 == 0 } && all.last == 1
    }
}
