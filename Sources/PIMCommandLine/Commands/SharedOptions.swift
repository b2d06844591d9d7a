/// The options `activate`, `extend`, `deactivate`, `approve` and `deny` share, each declared once with
/// the wording of `activate`; the others re-word only the help (`with(help:)`), so the name the parser
/// stores and the name a handler (or `draftFromOptions`) reads are one value.
extension OptionSpec {
    static let justification = OptionSpec("justification", short: "j", value: "TEXT", help: "Why you need the access.")
    static let ticket = OptionSpec("ticket", short: "t", value: "NUMBER", help: "Change or incident number.")
    static let ticketSystem = OptionSpec(
        "ticket-system", value: "NAME",
        help: "Ticket system of the ticket number (e.g. ServiceNow).")
    static let duration = OptionSpec(
        "duration", short: "d", value: "DURATION",
        help: "How long the access lasts (default from the configuration, never above the policy's maximum).")
    static let scope = OptionSpec(
        "scope", value: "SCOPE",
        help: "Directory scope of a role (/, /administrativeUnits/ID or the administrative unit's name), or the "
            + "scope of an Azure role: its ARM id (/subscriptions/ID…) or a unique prefix of its name.")
    static let start = OptionSpec(
        "start", value: "WHEN",
        help: "When the access begins (default now): +2h, HH:MM (today, or tomorrow once past) or ISO 8601.")
    static let owner = OptionSpec("owner", help: "Activate the owner access of a group instead of member.")
}
