import Foundation
import Testing
@testable import PIMDomain

/// The one mechanism behind the compact domain values: `Compact` (fields in one allocation,
/// copy-on-write), `CompactRecord` (fields read and written by name) and `Indirect` (an optional
/// behind a pointer). Copies must behave as values whether or not they share an allocation.
@Suite struct CompactTests {
    struct Pair: Hashable, Sendable, Codable {
        var name: String
        var count: Int
    }

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        let original = Compact(Pair(name: "a", count: 1))
        var copy = original
        #expect(copy.sharesStorage(with: original))
        copy.fields.count = 2
        #expect(!copy.sharesStorage(with: original))
        #expect(original.fields == Pair(name: "a", count: 1) && copy.fields == Pair(name: "a", count: 2))
    }

    @Test func aValueNoOneElseHoldsIsChangedInPlace() {
        var value = Compact(Pair(name: "a", count: 1))
        let before = ObjectIdentifier(value.box)
        value.fields.count = 2
        value.fields.name = "b"
        #expect(ObjectIdentifier(value.box) == before && value.fields == Pair(name: "b", count: 2))
    }

    @Test func equalFieldsAreEqualWithEqualHashesSharedOrNot() {
        let one = Compact(Pair(name: "a", count: 1))
        let shared = one
        let separate = Compact(Pair(name: "a", count: 1))
        #expect(one == shared && one.hashValue == shared.hashValue)
        #expect(one == separate && one.hashValue == separate.hashValue && !one.sharesStorage(with: separate))
        #expect(one != Compact(Pair(name: "a", count: 2)))
        #expect(Set([one, shared, separate]).count == 1)
    }

    @Test func jsonIsTheFieldsThemselves() throws {
        let value = Compact(Pair(name: "a", count: 1))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(value) == encoder.encode(value.fields))
        #expect(try JSONDecoder().decode(Compact<Pair>.self, from: encoder.encode(value)) == value)
    }

    @Test func everyRecordIsOnePointerAndEncodesItsFields() throws {
        #expect(MemoryLayout<ElevationTarget>.size == 8 && MemoryLayout<ElevationTarget?>.size == 8)
        #expect(MemoryLayout<Eligibility>.size == 8 && MemoryLayout<ActivationPolicy>.size == 8)
        #expect(MemoryLayout<AuditEvent>.size == 8)
        let target = SharedValueTests.target
        let eligibility = Eligibility(
            id: "e-1", target: target, principalId: "p-1",
            start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 3_600),
            memberType: .group)
        let policy = ActivationPolicy(
            maxDuration: .hours(2), requiresTicket: true, authenticationContext: "c1",
            approvers: [Approver(kind: .user, id: "u-1")])
        let event = AuditEvent(
            id: "a-1", date: Date(timeIntervalSince1970: 60), activity: "Add member to role",
            result: "success", resultReason: "INC-1", initiatedBy: Principal(id: "u-1"),
            targetName: "Reader", requestId: "q-1")
        #expect(try roundTrip(target) == target)
        #expect(try roundTrip(eligibility) == eligibility)
        #expect(try roundTrip(policy) == policy)
        #expect(try roundTrip(event) == event)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(eligibility) == encoder.encode(eligibility.storage.fields))
    }

    @Test func recordsAreEqualByFieldsSharedOrNot() {
        let target = SharedValueTests.target
        let copy = target
        let rebuilt = ElevationTarget(
            id: target.id, displayName: target.displayName, description: target.description,
            scopeName: target.scopeName, templateId: target.templateId)
        #expect(copy.storage.sharesStorage(with: target.storage))
        #expect(!rebuilt.storage.sharesStorage(with: target.storage))
        #expect(copy == target && rebuilt == target && rebuilt.hashValue == target.hashValue)
        var renamed = rebuilt
        renamed.displayName = "Other"
        #expect(renamed != target && rebuilt == target)
    }

    @Test func anIndirectOptionalCostsAPointerAndComesAndGoes() {
        struct Row: Hashable {
            @Indirect var detail: Pair?
        }
        #expect(MemoryLayout<Row>.size == 8)
        var row = Row(detail: nil)
        #expect(row.detail == nil)
        row.detail = Pair(name: "a", count: 1)
        let copy = row
        row.detail?.count = 2
        #expect(row.detail?.count == 2 && copy.detail?.count == 1)
        #expect(Row(detail: Pair(name: "a", count: 1)) == copy && copy != Row(detail: nil))
        row.detail = nil
        #expect(row == Row(detail: nil))
    }

    private func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }
}
