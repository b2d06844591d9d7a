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
#endif
