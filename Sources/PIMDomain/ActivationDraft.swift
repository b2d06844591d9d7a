import Foundation

/// What a user is typing to activate one or several targets. Kept as typed (strings), so a refused
/// submission or an `Esc` loses nothing; `validate` turns it into problems or a request.
public struct ActivationDraft: Hashable, Sendable, Codable {
    public var justification: String
    public var ticketNumber: String
    public var ticketSystem: String
    /// As typed: `8h`, `90m`, `PT1H30M`.
    public var durationText: String
    /// nil: start now.
    public var start: Date?
    /// The start as typed in the form (`+2h`, `14:30`, ISO 8601; empty: now), read into `start` by
    /// `resolvingStart` each time it is checked, so `+2h` counts from the moment it is sent.
    public var startText: String

    public init(
        justification: String = "", ticketNumber: String = "", ticketSystem: String = "",
        durationText: String = "", start: Date? = nil, startText: String = ""
    ) {
        self.justification = justification
        self.ticketNumber = ticketNumber
        self.ticketSystem = ticketSystem
        self.durationText = durationText
        self.start = start
        self.startText = startText
    }

    enum CodingKeys: String, CodingKey {
        case justification, ticketNumber, ticketSystem, durationText, start, startText
    }

    /// Drafts files written before the start field existed carry no `startText`: they read as "now".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        justification = try c.decode(String.self, forKey: .justification)
        ticketNumber = try c.decode(String.self, forKey: .ticketNumber)
        ticketSystem = try c.decode(String.self, forKey: .ticketSystem)
        durationText = try c.decode(String.self, forKey: .durationText)
        start = try c.decodeIfPresent(Date.self, forKey: .start)
        startText = try c.decodeIfPresent(String.self, forKey: .startText) ?? ""
    }

    /// True when the user typed anything worth keeping (quitting then asks first).
    public var hasUnsentText: Bool {
        !justification.isEmpty || !ticketNumber.isEmpty || !ticketSystem.isEmpty
            || !startText.trimmingCharacters(in: .whitespaces).isEmpty
    }

    public var ticket: TicketInfo? {
        let number = ticketNumber.trimmingCharacters(in: .whitespaces)
        let system = ticketSystem.trimmingCharacters(in: .whitespaces)
        // A ticket system (often a configured default) without a number is no ticket: never sent alone.
        if number.isEmpty { return nil }
        return TicketInfo(number: number.isEmpty ? nil : number, system: system.isEmpty ? nil : system)
    }
}

/// One activation to send: a target with the draft's values, validated.
public struct ActivationRequest: Hashable, Sendable, Codable {
    public var target: ElevationTarget
    public var justification: String?
    public var ticket: TicketInfo?
    public var duration: ActivationDuration
    public var start: Date?
    /// Ask the service to check every rule without creating the request (`isValidationOnly`).
    public var validationOnly: Bool

    public init(
        target: ElevationTarget, justification: String?, ticket: TicketInfo?,
        duration: ActivationDuration, start: Date? = nil, validationOnly: Bool = false
    ) {
        self.target = target
        self.justification = justification
        self.ticket = ticket
        self.duration = duration
        self.start = start
        self.validationOnly = validationOnly
    }
}
