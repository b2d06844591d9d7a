import Foundation
import Testing
@testable import PIMDomain

/// Ids kept packed (`CompactID`) must read, compare and encode exactly as the text they came from:
/// a GUID in Graph's lowercase form is packed, anything else stays as it was sent.
@Suite struct CompactIDTests {
    static let texts = [
        "62e90394-69f5-4237-9190-012177145e10", "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff", "/administrativeUnits/3871905e-b7fc-4f56-8459-d6520d780019",
        // Not packed: case, length, dash places, digits, prefixes it does not know.
        "62E90394-69F5-4237-9190-012177145E10", "62e90394-69f5-4237-9190-012177145e1",
        "62e90394-69f5-4237-9190-012177145e100", "62e9039469f5-4237-9190-012177145e10-",
        "62e90394-69f5-4237-9190-012177145e1g", "/administrativeunits/3871905e-b7fc-4f56-8459-d6520d780019",
        "/subscriptions/3871905e-b7fc-4f56-8459-d6520d780019",
        "PIM_52f5307c-c376-4edd-9be1-1af983e6290b_65afdfba-7912-4017-9b28-0b4782dda80d_639304238684688484",
        "/", "", "audit-7", "é2e90394-69f5-4237-9190-012177145e10",
    ]

    @Test(arguments: texts) func textComesBackExactly(_ text: String) throws {
        let id = CompactID(text)
        #expect(id.text == text && id.description == text)
        let json = try JSONEncoder().encode(id)
        #expect(json == (try JSONEncoder().encode(text)))
        #expect(try JSONDecoder().decode(CompactID.self, from: json) == id)
    }

    @Test func idsAreEqualExactlyWhenTheirTextsAre() {
        let ids = Self.texts.map(CompactID.init)
        for (a, textA) in zip(ids, Self.texts) {
            for (b, textB) in zip(ids, Self.texts) {
                #expect((a == b) == (textA == textB))
            }
        }
        #expect(Set(ids + Self.texts.map(CompactID.init)).count == Set(Self.texts).count)
    }

    @Test func packedIdsReadAsTextInTheRecordsThatKeepThem() throws {
        let scope = "/administrativeUnits/3871905e-b7fc-4f56-8459-d6520d780019"
        var target = TargetID.role("62e90394-69f5-4237-9190-012177145e10", scope: scope)
        #expect(target.scope == scope)
        target.scope = "/"
        #expect(target == .role("62e90394-69f5-4237-9190-012177145e10"))
        let eligibility = Eligibility(
            id: "0994523b-e682-4016-8fd4-5d97eeb7909d",
            target: ElevationTarget(id: .role("r", scope: scope), displayName: "Reader"), principalId: "p")
        #expect(eligibility.id == "0994523b-e682-4016-8fd4-5d97eeb7909d")
        #expect(try JSONDecoder().decode(Eligibility.self, from: JSONEncoder().encode(eligibility)) == eligibility)
        var event = AuditEvent(
            id: "audit-1", date: Date(timeIntervalSince1970: 0), activity: "a", result: "success",
            requestId: "65afdfba-7912-4017-9b28-0b4782dda80d")
        #expect(event.requestId == "65afdfba-7912-4017-9b28-0b4782dda80d")
        event.requestId = nil
        #expect(event.requestId == nil)
    }

    /// The JSON of a record with packed ids is what it was when they were strings.
    @Test func recordsEncodeTheirIdsAsStrings() throws {
        let scope = "/administrativeUnits/3871905e-b7fc-4f56-8459-d6520d780019"
        let requestId = "65afdfba-7912-4017-9b28-0b4782dda80d"
        func object(_ value: some Encodable) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
        }
        let target = try object(TargetID.role("r", scope: scope))
        #expect(target.count == 3 && target["scope"] as? String == scope && target["resourceId"] as? String == "r")
        #expect(try object(TargetID.group("g")).keys.sorted() == ["kind", "resourceId"])
        let event = AuditEvent(
            id: "e", date: Date(timeIntervalSince1970: 0), activity: "a", result: "r", requestId: requestId)
        #expect(try object(event)["requestId"] as? String == requestId)
        let eligibility = Eligibility(
            id: requestId, target: ElevationTarget(id: .group("g"), displayName: "G"), principalId: "p")
        #expect(try object(eligibility)["id"] as? String == requestId)
    }
}
