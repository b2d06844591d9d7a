// Fuzzing driver for pim's parsers (to be built out).
print("usage: PIMFuzz TARGET [libFuzzer options]")
