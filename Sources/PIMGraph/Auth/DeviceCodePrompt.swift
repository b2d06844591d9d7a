import Foundation
import PIMDomain

/// What to show the user during a device-code sign-in. Every field came from the identity platform and
/// is sanitised here, so it can be printed as is.
public struct DeviceCodePrompt: Hashable, Sendable {
    public var userCode: String
    public var verificationURI: String
    /// The service's own sentence ("To sign in, use a web browser to open …").
    public var message: String
    /// Seconds the code stays valid.
    public var expiresIn: Int

    init(userCode: String, verificationURI: String, message: String?, expiresIn: Int) {
        self.userCode = Sanitizer.sanitize(userCode)
        self.verificationURI = Sanitizer.sanitize(verificationURI)
        self.message = Sanitizer.sanitize(
            message ?? "To sign in, open \(verificationURI) and enter the code \(userCode).")
        self.expiresIn = expiresIn
    }
}
