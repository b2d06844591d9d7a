import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// Strings that Graph repeats on every item come from one pool; what the items say is unchanged,
/// and the pool stays bounded whatever the service sends.
struct StringPoolTests {
    @Test func repeatedNamesDecodeToTheSameText() throws {
        let item =
            #"""
            {"id":"ID","principalId":"p-0000-1111-2222-3333","roleDefinitionId":"r-0000-1111-2222-3333",\#
            "directoryScopeId":"/administrativeUnits/AU","roleDefinition":{"displayName":"Privileged Role \#
            Administrator","description":"Can manage role assignments in Microsoft Entra ID",\#
            "templateId":"e8611ab8-c189-46e8-94e1-60213ab1f814"}}
            """#
        let json =
            "{\"value\":["
            + (0..<3).map { n in
                item.replacingOccurrences(of: "\"ID\"", with: "\"i-\(n)\"").replacingOccurrences(
                    of: "AU", with: "au-\(n)")
            }.joined(separator: ",") + "]}"
        let eligibilities = try GraphDate.decoder().decode(GraphPage<RoleInstanceDTO>.self, from: Data(json.utf8)).value
            .map(\.eligibility)
        #expect(eligibilities.map(\.id) == ["i-0", "i-1", "i-2"])
        #expect(
            eligibilities.map(\.target.id.scope) == [
                "/administrativeUnits/au-0", "/administrativeUnits/au-1", "/administrativeUnits/au-2",
            ])
        for eligibility in eligibilities {
            #expect(eligibility.principalId == "p-0000-1111-2222-3333")
            #expect(eligibility.target.displayName == "Privileged Role Administrator")
            #expect(eligibility.target.description == "Can manage role assignments in Microsoft Entra ID")
            #expect(eligibility.target.templateId == "e8611ab8-c189-46e8-94e1-60213ab1f814")
        }
    }

    @Test func thePoolForgetsRatherThanGrows() {
        for n in 0..<(StringPool.limit + 10) {
            let text = "a string long enough to be pooled \(n)"
            #expect(StringPool.intern(text) == text)
        }
        #expect(StringPool.intern("short") == "short")
        #expect(StringPool.intern(nil as String?) == nil)
    }
}
