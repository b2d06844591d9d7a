// PIMFuzz: libFuzzer entry points for the parsers that read untrusted input (docs/fuzzing.md).
//
//   PIMFuzz TARGET [libFuzzer options] [corpus directories]   built with -sanitize=fuzzer
//   PIMFuzz TARGET FILE...                                     plain build: replays the files
//
// SwiftPM renames executable entry points, so libFuzzer's own `main` never runs: this one looks
// `LLVMFuzzerRunDriver` up at run time (present only in a -sanitize=fuzzer build linked with
// --export-dynamic) and hands it the arguments after TARGET.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    FileHandle.standardError.write(Data(FuzzTarget.usage.utf8))
    exit(2)
}
setenv(FuzzTarget.environmentKey, target.rawValue, 1)

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
typealias FuzzDriver =
    @convention(c) (
        UnsafeMutablePointer<Int32>,
        UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>, FuzzCallback
    ) -> Int32

if let symbol = dlsym(nil, "LLVMFuzzerRunDriver") {  // RTLD_DEFAULT is nil on glibc
    // argv for libFuzzer: the program name, then everything after TARGET.
    let forwarded = [arguments[0]] + arguments.dropFirst(2)
    let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: forwarded.count + 1)
    for (index, argument) in forwarded.enumerated() { argv[index] = strdup(argument) }
    argv[forwarded.count] = nil
    var argc = Int32(forwarded.count)
    var argvPointer = argv
    let driver = unsafeBitCast(symbol, to: FuzzDriver.self)
    exit(
        driver(&argc, &argvPointer) { data, size in
            FuzzTarget.current.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
            return 0
        })
} else {
    // Replay: each file (or every file of each directory) once, as a regression run.
    var count = 0
    for path in arguments.dropFirst(2) {
        for file in FuzzTarget.files(at: path) {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            data.withUnsafeBytes { raw in target.run(raw.bindMemory(to: UInt8.self)) }
            count += 1
        }
    }
    print("\(target.rawValue): replayed \(count) input(s) without a failure")
}
