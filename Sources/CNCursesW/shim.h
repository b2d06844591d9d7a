#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API: ask for it here. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif
/* glibc declares these only under _XOPEN_SOURCE; the prebuilt Glibc module does not set it. */
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);
/* Macros built from NCURSES_BITS and C globals do not import into Swift 6: accessors instead. */
static inline attr_t cnc_a_normal(void)     { return A_NORMAL; }
static inline attr_t cnc_a_bold(void)       { return A_BOLD; }
static inline attr_t cnc_a_reverse(void)    { return A_REVERSE; }
static inline attr_t cnc_a_underline(void)  { return A_UNDERLINE; }
static inline attr_t cnc_a_dim(void)        { return A_DIM; }
static inline attr_t cnc_color_pair(short n){ return (attr_t)COLOR_PAIR(n); }
static inline WINDOW *cnc_stdscr(void)      { return stdscr; }
static inline int cnc_lines(void)           { return LINES; }
static inline int cnc_cols(void)            { return COLS; }
/* Drawing one cell's text with its attributes in one call (wattr_set is also a macro). */
static inline int cnc_put(WINDOW *w, int y, int x, const wchar_t *s, attr_t a, short pair) {
    wattr_set(w, a, pair, (void *)0);
    return mvwaddwstr(w, y, x, s);
}
/* One cell as one complex character: a base and its combining marks stay together even in the
   bottom-right corner, where adding them one by one loses the marks (the cursor cannot advance).
   Falls back to a plain string when the text is not one spacing character plus marks. */
static inline int cnc_put_cell(WINDOW *w, int y, int x, const wchar_t *s, attr_t a, short pair) {
    cchar_t cell;
    if (setcchar(&cell, s, a, pair, (void *)0) == OK) return mvwadd_wch(w, y, x, &cell);
    return cnc_put(w, y, x, s, a, pair);
}
static inline int cnc_maxy(WINDOW *w) { return getmaxy(w); }
static inline int cnc_maxx(WINDOW *w) { return getmaxx(w); }
/* Mouse masks are built by macros that do not import. */
static inline mmask_t cnc_button1_pressed(void)  { return BUTTON1_PRESSED; }
static inline mmask_t cnc_button1_clicked(void)  { return BUTTON1_CLICKED; }
static inline mmask_t cnc_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cnc_button4_pressed(void)  { return BUTTON4_PRESSED; }
static inline mmask_t cnc_button5_pressed(void)  { return BUTTON5_PRESSED; }
static inline mmask_t cnc_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
/* Reads the pending mouse event: returns OK and fills x, y and the button state. */
static inline int cnc_getmouse(int *x, int *y, mmask_t *bstate) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x; *y = event.y; *bstate = event.bstate;
    return OK;
}
/* Crash path: a Swift trap arrives as a signal. Restore the saved tty modes, leave the alternate
   screen, show the cursor (all async-signal-safe), then die of the same signal. */
#include <termios.h>
#include <signal.h>
#include <unistd.h>
#include <fcntl.h>
#include <string.h>
/* Function-local statics: file-scope statics in an imported header are not emitted for Swift. */
static inline struct termios *cnc_saved_termios(void) { static struct termios modes; return &modes; }
static inline volatile sig_atomic_t *cnc_have_saved_termios(void) { static volatile sig_atomic_t saved = 0; return &saved; }
/* While the interface owns the terminal, whatever goes to stderr (a warning, a Swift fatal error's
   message) lands in a private temporary file instead of the alternate screen, where it would be
   drawn over and then vanish with the screen; it is written out once the terminal is restored. */
static inline int *cnc_saved_stderr(void) { static int fd = -1; return &fd; }
static inline int *cnc_captured_stderr(void) { static int fd = -1; return &fd; }
static inline void cnc_capture_stderr(void) {
    if (*cnc_saved_stderr() >= 0) return;
    char path[] = "/tmp/pim-stderr-XXXXXX";
    int captured = mkstemp(path);
    if (captured < 0) return;
    unlink(path);
    int saved = dup(2);
    if (saved < 0) { close(captured); return; }
    fcntl(saved, F_SETFD, FD_CLOEXEC);
    fcntl(captured, F_SETFD, FD_CLOEXEC);
    *cnc_saved_stderr() = saved;
    *cnc_captured_stderr() = captured;
    dup2(captured, 2);
}
/* Puts stderr back and writes out what was captured. Async-signal-safe: the crash handler calls it. */
static void cnc_release_stderr(void) {
    int saved = *cnc_saved_stderr(), captured = *cnc_captured_stderr();
    if (saved < 0) return;
    *cnc_saved_stderr() = -1;
    *cnc_captured_stderr() = -1;
    dup2(saved, 2);
    close(saved);
    if (captured < 0) return;
    lseek(captured, 0, SEEK_SET);
    char buffer[4096];
    ssize_t count;
    while ((count = read(captured, buffer, sizeof buffer)) > 0) {
        ssize_t ignored = write(2, buffer, (size_t)count);
        (void)ignored;
    }
    close(captured);
}
/* The bytes that put the terminal back, prepared while it is safe to ask terminfo (after newterm)
   so a signal handler only copies them out: mouse and bracketed paste off, attributes reset, then
   the terminal's own rmkx (application keypad and cursor keys off), cnorm (cursor shown) and rmcup
   (alternate screen left). Until they are prepared, xterm's sequences stand in. */
static inline char *cnc_restore_bytes(void) {
    static char bytes[512] = "\033[?1000l\033[?1002l\033[?1006l\033[?2004l\033[0m\033[?1l\033>\033[?25h\033[?1049l\r\n";
    return bytes;
}
static inline void cnc_append_restore(char *bytes, size_t size, const char *piece) {
    if (piece == (void *)0 || piece == (char *)-1) return;
    size_t used = strlen(bytes), more = strlen(piece);
    if (used + more + 1 > size) return;
    memcpy(bytes + used, piece, more + 1);
}
static inline void cnc_prepare_restore(void) {
    static char built[512];
    built[0] = 0;
    cnc_append_restore(built, sizeof built, "\033[?1000l\033[?1002l\033[?1006l\033[?2004l\033[0m");
    const char *names[] = { "rmkx", "cnorm", "rmcup" };
    const char *fallback[] = { "\033[?1l\033>", "\033[?25h", "\033[?1049l" };
    for (unsigned i = 0; i < 3; i++) {
        const char *cap = tigetstr(names[i]);
        cnc_append_restore(built, sizeof built, (cap == (void *)0 || cap == (char *)-1 || *cap == 0) ? fallback[i] : cap);
    }
    cnc_append_restore(built, sizeof built, "\r\n");
    /* Copied over the stand-in in one go; a signal in between sees one of the two, both complete enough. */
    memcpy(cnc_restore_bytes(), built, strlen(built) + 1);
}
static void cnc_crash_handler(int sig) {
    /* The curses thread may be in the middle of a frame. Send what it writes from now on nowhere
       first, then restore through a private copy of the terminal: a write already in the kernel
       finishes before ours (the tty serialises writes), so nothing lands on the restored screen. */
    int terminal = dup(1);
    int nowhere = open("/dev/null", O_WRONLY);
    if (nowhere >= 0) dup2(nowhere, 1);
    if (*cnc_have_saved_termios()) tcsetattr(0, TCSANOW, cnc_saved_termios());
    const char *restore = cnc_restore_bytes();
    size_t length = 0;
    while (restore[length] != 0 && length < 512) length++;
    ssize_t ignored = write(terminal >= 0 ? terminal : 1, restore, length);
    (void)ignored;
    cnc_release_stderr();
    signal(sig, SIG_DFL);
    raise(sig);
}
/* Every signal whose default action ends the process: a crash (a Swift trap is SIGILL or SIGTRAP),
   or one sent by kill, a timer or a resource limit. SIGINT, SIGTERM and SIGHUP are the key loop's
   (it restores through curses and exits 128 + n); SIGPIPE is ignored; SIGQUIT quits like q. */
static inline int cnc_fatal_signal(unsigned i) {
    static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ,
                                SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT };
    return i < sizeof sigs / sizeof sigs[0] ? sigs[i] : 0;
}
/* Saves the tty modes as found (call before newterm) and installs the restoring handler. */
static inline void cnc_install_crash_restore(void) {
    if (tcgetattr(0, cnc_saved_termios()) == 0) *cnc_have_saved_termios() = 1;
    for (unsigned i = 0; cnc_fatal_signal(i) != 0; i++) signal(cnc_fatal_signal(i), cnc_crash_handler);
}
/* Puts the default dispositions back once the terminal is restored normally. */
static inline void cnc_remove_crash_restore(void) {
    for (unsigned i = 0; cnc_fatal_signal(i) != 0; i++) signal(cnc_fatal_signal(i), SIG_DFL);
    *cnc_have_saved_termios() = 0;
}
#endif

