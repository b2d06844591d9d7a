import Foundation
import PIMDomain
import PIMTestSupport
import Synchronization
import Testing
@testable import PIMCommandLine

/// Desktop notifications of `approvals --watch` and `activate --wait`: sent through the terminal when
/// it shows them, through notify-send otherwise, never when the configuration turns them off.
@Suite struct NotificationCommandTests {
    static let osc777 = "\u{1B}]777;notify;"
    static let wezterm = ["TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"]

    static func waitingForMe() -> FakeService {
        FakeService(now: testNow) { state in
            state.approvals = [
                ApprovalItem(
                    request: ElevationRequest(
                        id: "appr-1", target: FakeService.globalAdmin, action: .selfActivate, status: .pendingApproval,
                        principal: Principal(id: "u-ben", displayName: "Ben\u{1B}]0;x\u{7} Okafor"),
                        createdAt: testNow, duration: .hours(1)))
            ]
        }
    }

    static let activateAndWait = [
        "activate", "Global Administrator", "-j", "x", "-t", "CHG-1", "--ticket-system", "S", "-d", "1h", "--wait",
    ]

    @Test func watchSendsOneNotificationPerNewRequestToATerminalThatShowsThem() async {
        let result = await run(
            ["approvals", "--watch", "--interval", "10s"], service: Self.waitingForMe(), environment: Self.wezterm,
            terminal: true, sleeps: 2)
        #expect(result.code == 0)
        let expected =
            "\(Self.osc777)New request for your approval;Ben␛]0;x␇ Okafor asks for "
            + "Global Administrator for 1h.\u{1B}\\"
        #expect(result.stdout.components(separatedBy: expected).count == 2, "\(result.stdout.debugDescription)")
        // The bell stays.
        #expect(result.stderr.contains("\u{07}"))
    }

    @Test func noSequenceWhenStdoutIsNotATerminalOrTheTerminalIsUnknown() async {
        let piped = await run(
            ["approvals", "--watch", "--interval", "10s"], service: Self.waitingForMe(), environment: Self.wezterm,
            sleeps: 1)
        #expect(!piped.stdout.contains("\u{1B}]"))
        let unknown = await run(
            ["approvals", "--watch", "--interval", "10s"], service: Self.waitingForMe(),
            environment: ["TERM": "xterm-256color"], terminal: true, sleeps: 1)
        #expect(!unknown.stdout.contains("\u{1B}]"))
    }

    @Test func notificationsFalseInTheConfigurationSendsNone() async {
        var environment = environment(withConfig: #"{"notifications": false}"#)
        environment.merge(Self.wezterm) { $1 }
        let result = await run(
            ["approvals", "--watch", "--interval", "10s"], service: Self.waitingForMe(), environment: environment,
            terminal: true, sleeps: 1)
        #expect(result.code == 0)
        #expect(!result.stdout.contains("\u{1B}]"))
        #expect(result.stdout.contains("New request appr-1"))
    }

    @Test func waitNotifiesTheDenialNamingWhoAndWhy() async {
        let service = FakeService(now: testNow) {
            $0.decideOnRead = .denied
            $0.reviewOnRead = Review(
                result: .denied, reviewer: Principal(id: "u-ben", displayName: "Ben Okafor"),
                justification: "Not during the freeze")
        }
        let result = await run(
            Self.activateAndWait, service: service, environment: Self.wezterm, terminal: true, sleeps: 3)
        #expect(result.code == 4)
        #expect(
            result.stdout.contains(
                "\(Self.osc777)Request denied;Ben Okafor denied your request for Global Administrator: "
                    + "Not during the freeze.\u{1B}\\"))
    }

    @Test func withoutATerminalNotifySendIsStartedWithArguments() async {
        let service = FakeService(now: testNow) { $0.decideOnRead = .denied }
        let launched = Mutex<[[String]]>([])
        let host = DesktopHost(service: service, notifySend: "/usr/bin/notify-send") { path, arguments in
            launched.withLock { $0.append([path] + arguments) }
        }
        let (console, captured) = Console.capturing()
        let code = await CommandLineTool.run(
            arguments: Self.activateAndWait,
            environment: ["HOME": isolatedHome(), "DISPLAY": ":0", "TERM_PROGRAM": "WezTerm"], console: console,
            host: host, clock: CommandClock(now: { testNow }, sleep: { _ in }), timeZone: TimeZone(identifier: "UTC")!)
        #expect(code == 4)
        #expect(!captured.stdout.contains("\u{1B}]"))
        #expect(
            launched.withLock { $0 } == [
                [
                    "/usr/bin/notify-send", "--app-name=pim", "--", "Request denied",
                    "An approver denied your request for Global Administrator.",
                ]
            ])
    }

    @Test func theConfigurationKeyIsABooleanThatDefaultsToOn() throws {
        #expect(try Configuration.parse(Data("{}".utf8), path: "c").0.notifications)
        let (off, warnings) = try Configuration.parse(Data(#"{"notifications": false}"#.utf8), path: "c")
        #expect(!off.notifications)
        #expect(warnings.isEmpty)
        #expect(throws: ConfigurationError.self) {
            try Configuration.parse(Data(#"{"notifications": "no"}"#.utf8), path: "c")
        }
    }
}

/// The fake host with notify-send found on the PATH and a recorder for what it starts.
struct DesktopHost: CommandLineHost {
    let fake: FakeHost
    let path: String
    let record: @Sendable (String, [String]) -> Void

    init(service: FakeService, notifySend: String, record: @escaping @Sendable (String, [String]) -> Void) {
        fake = FakeHost(service: service)
        path = notifySend
        self.record = record
    }

    func makeService(_ settings: GlobalSettings) async throws -> any PIMService { fake.service }
    func login(
        _ settings: GlobalSettings, method: LoginMethod, includeAudit: Bool, console: Console
    ) async throws -> String { "" }
    func logout(_ settings: GlobalSettings) throws -> String { "" }
    func connectionSummary(_ settings: GlobalSettings) -> [(String, String)] { [] }
    func demoReset(_ settings: GlobalSettings) throws -> String { "" }
    func demoPersonas(_ settings: GlobalSettings) -> [DemoPersona] { [] }
    func runFullScreen(service: any PIMService, settings: GlobalSettings) async -> Int32 { 0 }
    func notifySendPath(environment: [String: String]) -> String? { path }
    func launch(_ path: String, _ arguments: [String]) { record(path, arguments) }
}
