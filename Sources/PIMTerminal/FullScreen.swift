import CNCursesW
import PIMApp
import PIMDomain
import PIMScreen

/// Runs the full-screen interface until the user quits; returns the process exit code (to be built out).
public enum FullScreen {
    public static func run(service: any PIMService) async -> Int32 { 0 }
}
