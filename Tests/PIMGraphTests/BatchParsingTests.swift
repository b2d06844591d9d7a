import Foundation
import Testing
@testable import PIMGraph
import PIMDomain

/// Reading a `$batch` answer without re-encoding the bodies: each body is the bytes Graph sent.
struct BatchParsingTests {
    @Test func bodiesAreHandedOnAsSent() throws {
        let answer = #"""
            { "responses": [
              {"id": "b", "status": 200, "headers": {"Content-Type": "application/json", "Retry-After": 3},
               "body": {"value": [{"id": "x\"y", "n": [1, {"deep": "}]"}]}], "@odata.nextLink": "https:\#
            //graph.microsoft.com/v1.0/a?$skiptoken=1"}},
              {"id": 7, "status": "429", "headers": {"Retry-After": "2"}, "body": null},
              {"id": "text", "status": 200, "body": "aGVsbG8="},
              {"id": "esc\u0041", "status": 204}
            ] }
            """#
        let responses = try GraphClient.parseBatchResponse(Data(answer.utf8))
        #expect(responses.keys.sorted() == ["7", "b", "escA", "text"])
        let body = try #require(responses["b"]).body
        let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect((json["value"] as? [[String: Any]])?.first?["id"] as? String == "x\"y")
        #expect(json["@odata.nextLink"] as? String == "https://graph.microsoft.com/v1.0/a?$skiptoken=1")
        #expect(responses["b"]?.headers["Retry-After"] == "3")
        #expect(responses["7"]?.status == 429)
        #expect(responses["7"]?.headers["Retry-After"] == "2")
        #expect(responses["7"]?.body.isEmpty == true)
        #expect(responses["text"].map { String(decoding: $0.body, as: UTF8.self) } == "hello")
        #expect(responses["escA"]?.status == 204)
    }

    @Test(arguments: [
        #"{"responses": [{"id": "a", "status": 200, "body": {"value": [}]}"#, "", "[]", #"{"value": []}"#,
        #"{"responses": [{"id": "a"}]} trailing"#,
    ])
    func malformedAnswersAreRefused(text: String) {
        #expect(throws: PIMError.self) { try GraphClient.parseBatchResponse(Data(text.utf8)) }
    }
}
