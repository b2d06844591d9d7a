import Foundation
import Testing

/// The fault matrix through the command line: the built binary against the simulated tenant's injected
/// faults (`PIM_SIM_FAULTS`, fixed `PIM_SIM_SEED`). Each fault ends in its exit code of product.md with one
/// sentence naming what to do, and the next command without the fault works on the same state.
@Suite struct DemoFaultTests {
    @Test(arguments: [
        ("503:1", Int32(5), "try again in a few minutes"),
        ("500:1", Int32(5), "try again in a few minutes"),
        ("timeout:1", Int32(6), "check your network connection"),
        ("malformed:1", Int32(5), "could not be read"),
        ("expired-token:1", Int32(3), "pim login"),
    ])
    func faultEndsInItsExitCodeAndTheNextCommandRecovers(fault: String, code: Int32, advice: String) throws {
        let sandbox = Sandbox()
        let failed = try PimBinary.run(
            ["--demo", "roles"], in: sandbox,
            environment: ["PIM_SIM_FAULTS": fault, "PIM_SIM_SEED": "7"])
        #expect(failed.code == code, "\(failed)")
        #expect(failed.stderr.hasPrefix("pim: "), "\(failed)")
        #expect(failed.stderr.contains(advice), "\(failed)")
        #expect(failed.stderr.split(separator: "\n").count == 1, "one sentence: \(failed.stderr)")
        #expect(!failed.stderr.contains("Fatal error") && !failed.stderr.contains("Stack"))

        let recovered = try PimBinary.run(["--demo", "roles"], in: sandbox)
        #expect(recovered.code == 0, "\(recovered)")
        #expect(recovered.stdout.contains("Global Administrator"))
    }
}
