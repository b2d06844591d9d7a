import PIMDomain

/// The command line (to be built out).
public enum CommandLineTool {
    public static let version = "0.1.0"
}
