import Testing

/// Real curses on a pseudo-terminal: keys typed as a terminal sends them, frames read back as the
/// bytes a terminal receives, the terminal's modes after the end. Curses keeps its state in
/// process-wide globals, so every test that starts it lives in this one serialized suite (its
/// extensions are split by concern: keys, flushing, colours, restore).
@Suite(.serialized)
struct CursesTests {}
