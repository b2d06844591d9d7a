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

    public init(
        justification: String = "", ticketNumber: String = "", ticketSystem: String = "",
        durationText: String = "", start: Date? = nil
    ) {
        self.justification = justification
        self.ticketNumber = ticketNumber
        self.ticketSystem = ticketSystem
        self.durationText = durationText
        self.start = start
    }

    /// True when the user typed anything worth keeping (quitting then asks first).
    public var hasUnsentText: Bool {
        !justification.isEmpty || !ticketNumber.isEmpty || !ticketSystem.isEmpty
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
