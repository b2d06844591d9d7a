#!/usr/bin/env bash
# End-to-end test of the full-screen interface in tmux, against the simulated tenant.
#
#   Tests/EndToEndTests/tmux/tui-e2e.sh .build/debug/pim
#
# Story: as ada (requester) activate a role through the form with justification, ticket and
# duration, see it active with a countdown, find it in History, quit; as ben (approver) open
# Approvals, approve a pending request, check History and his decisions (m), quit. Azure: as ada filter to Contributor at
# Prod-Payments, fill the form, send it with Ctrl-S and see it active with a countdown; as ben
# approve an Azure request in the Approvals pane. After each run: the alternate
# screen is off and the tty modes are what they were before. Every wait polls the screen with a
# deadline; nothing sleeps a fixed time to "let it settle".
#
# Environment: PIM_E2E_CAPTURE=FILE writes the My roles pane (after the activation) to FILE, for
# the README. PIM_E2E_TIMEOUT (seconds, default 15) bounds each wait. PIM_E2E_KEEP=1 keeps the temp dir.
set -euo pipefail

BIN=${1:?usage: tui-e2e.sh PATH-TO-pim}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
[ -x "$BIN" ] || { echo "tui-e2e: $BIN is not an executable: build it first (swift build)." >&2; exit 2; }
command -v tmux >/dev/null || { echo "tui-e2e: tmux is not installed: apt-get install tmux." >&2; exit 2; }

TIMEOUT=${PIM_E2E_TIMEOUT:-15}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pim-tui-e2e.XXXXXX")
SOCKET="pim-e2e-$$"
SESSION=e2e
TMUX_CMD=(tmux -L "$SOCKET" -f /dev/null)

cleanup() {
    "${TMUX_CMD[@]}" kill-server 2>/dev/null || true
    if [ "${PIM_E2E_KEEP:-0}" = 1 ]; then echo "tui-e2e: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

screen() { "${TMUX_CMD[@]}" capture-pane -p -t "$SESSION"; }

fail() {
    echo "tui-e2e: FAIL: $*" >&2
    echo "----- screen -----" >&2
    screen >&2 || true
    echo "------------------" >&2
    exit 1
}

# wait_for REGEX [SECONDS]: polls the visible screen until an extended regex matches.
wait_for() {
    local deadline=$((SECONDS + ${2:-$TIMEOUT}))
    until screen | grep -qE -- "$1"; do
        (( SECONDS < deadline )) || fail "timed out waiting for /$1/"
        sleep 0.1
    done
}

# wait_gone REGEX: polls until the regex no longer matches.
wait_gone() {
    local deadline=$((SECONDS + TIMEOUT))
    while screen | grep -qE -- "$1"; do
        (( SECONDS < deadline )) || fail "timed out waiting for /$1/ to go away"
        sleep 0.1
    done
}

keys() { "${TMUX_CMD[@]}" send-keys -t "$SESSION" "$@"; }
text() { "${TMUX_CMD[@]}" send-keys -t "$SESSION" -l "$1"; }
option() { "${TMUX_CMD[@]}" display -p -t "$SESSION" "$1"; }

# run_pim LABEL ARGS...: starts pim in the pane's shell, saving the tty modes before and after.
run_pim() {
    local label=$1; shift
    keys "clear; stty -g > $WORK/stty.$label.before; $BIN $*; echo EXIT=\$?; stty -g > $WORK/stty.$label.after" Enter
}

# check_restored LABEL: pim exited 0, the alternate screen is off, tty modes as before.
check_restored() {
    local label=$1
    wait_for '^EXIT=[0-9]+'
    screen | grep -qE '^EXIT=0$' || fail "$label: pim did not exit 0"
    local deadline=$((SECONDS + TIMEOUT))
    until [ -s "$WORK/stty.$label.after" ]; do
        (( SECONDS < deadline )) || fail "$label: the shell did not come back"
        sleep 0.1
    done
    [ "$(option '#{alternate_on}')" = 0 ] || fail "$label: the alternate screen is still on"
    cmp -s "$WORK/stty.$label.before" "$WORK/stty.$label.after" \
        || fail "$label: tty modes changed: $(cat "$WORK/stty.$label.before") vs $(cat "$WORK/stty.$label.after")"
    echo "tui-e2e: $label: exit 0, alternate screen off, tty modes restored"
}

# quit: q, answering y if pim asks about unsent text.
quit_pim() {
    keys q
    local deadline=$((SECONDS + TIMEOUT))
    until screen | grep -qE '^EXIT=|Quit anyway'; do
        (( SECONDS < deadline )) || fail "q did not quit"
        sleep 0.1
    done
    if screen | grep -q 'Quit anyway'; then keys y; fi
}

mkdir -p "$WORK/state" "$WORK/config" "$WORK/cache" "$WORK/home"
"${TMUX_CMD[@]}" new-session -d -s "$SESSION" -x 100 -y 30 \
    -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e HOME="$WORK/home" \
    -e XDG_STATE_HOME="$WORK/state" -e XDG_CONFIG_HOME="$WORK/config" -e XDG_CACHE_HOME="$WORK/cache" \
    -e PIM_DEMO_PERSONA= -e NO_COLOR= \
    "env -u PIM_ACCESS_TOKEN -u PIM_TENANT -u PIM_GRAPH_URL bash --norc --noprofile"
keys "PS1='$ '; unset PIM_DEMO_PERSONA NO_COLOR" Enter
wait_for '^\$ ?$'

# An eligible role whose policy needs no approval and no MFA in the demo tenant.
ROLE=${PIM_E2E_ROLE:-Global Reader}

# ---- a slow service: the first screen's message is the only text on its row ----------------
# With latency (real Graph always has some) the loading message was drawn over the empty-table text
# and left its tail: "Loading from the service…ps: ask an administrator for an eligibility."
keys "clear; PIM_SIM_LATENCY_MS=800 $BIN --demo; echo EXIT=\$?" Enter
wait_for 'Loading from the service…'
screen | grep -E 'Loading from the service…' | grep -qvE 'Loading from the service… *$' \
    && fail "the loading message shares its row with older text"
wait_for 'refreshed [0-9]+'
quit_pim
wait_for '^EXIT=0$'
echo "tui-e2e: a slow first load says only that it is loading"

# ---- ada: activate through the form -------------------------------------------------------
run_pim ada --demo
wait_for 'My roles \([0-9]+\)'
wait_for "$ROLE"
wait_for 'refreshed [0-9]+'
# Sequences curses does not decode arrive whole or not at all: an SGR mouse report typed as text
# (its "2" switched to Approvals), a focus report and a key of another keyboard protocol change no
# pane. The filter line opened after them shows they were read.
text $'\e[<0;12;6M'
text $'\e[I'
text $'\e[97;5u'
keys /
wait_for '^/'
screen | grep -q 'Time left' || fail "an unknown escape sequence left My roles"
screen | grep -qE '^/[^ ]' && fail "an unknown escape sequence typed into the filter"
keys Escape
wait_gone '^/'
echo "tui-e2e: ada: unknown escape sequences dropped whole"
keys /
wait_for '^/'
text "$ROLE"
keys Enter
wait_gone '^/'
keys a
wait_for 'Justification'
wait_for 'Duration'
# A page of text pasted at once is in the field within a frame or two (it took minutes: every key
# redrew the form, and drawing the field measured every suffix of its text). Ctrl-U clears it again.
LONG=$(printf 'Restore mail flow after the connector change. %.0s' $(seq 1 64) | cut -c1-2990)
"${TMUX_CMD[@]}" set-buffer -b pim-e2e-long "${LONG}END-OF-PASTE"
"${TMUX_CMD[@]}" paste-buffer -p -d -b pim-e2e-long -t "$SESSION"
wait_for 'END-OF-PASTE' 10
keys C-u
wait_gone 'END-OF-PASTE'
echo "tui-e2e: ada: a 3,000-character paste shows at once"
# The justification is pasted with a line break in it (bracketed paste): it must stay text, not
# act as Enter and send a half-written form.
"${TMUX_CMD[@]}" set-buffer -b pim-e2e $'Nightly patching\nof the prod fleet'
"${TMUX_CMD[@]}" paste-buffer -p -d -b pim-e2e -t "$SESSION"
wait_for 'Nightly patching of the prod fleet'
screen | grep -qE "is active until|waits for approval|refused" && fail "a pasted line break sent the form"
echo "tui-e2e: ada: a pasted justification with a line break stays in the field"
keys Tab
text "CHG-1001"
keys Tab
keys C-u
text "ServiceNow"
keys Tab
keys C-u
text "30m"
keys Enter
wait_for "is active until|waits for approval|refused"
screen | grep -qE "refused" && fail "the activation was refused"
keys Enter
wait_gone 'Justification'
wait_for "$ROLE +.*active +(29m [0-9]{2}s|30m 00s)"
echo "tui-e2e: ada: $ROLE is active with a countdown"

# The countdown ticks without any key press.
first=$(screen | grep -oE '(29m [0-9]{2}s|30m 00s)' | head -1)
wait_for "$ROLE +.*active +29m [0-9]{2}s"
deadline=$((SECONDS + 5))
until [ "$(screen | grep -oE '29m [0-9]{2}s' | head -1)" != "$first" ]; do
    (( SECONDS < deadline )) || fail "the countdown does not tick"
    sleep 0.2
done

# Clear the filter and take the My roles capture for the README.
keys /
wait_for '^/'
keys Escape
wait_gone '^/'
wait_for 'Global Reader'
if [ -n "${PIM_E2E_CAPTURE:-}" ]; then
    screen | sed -e 's/[[:space:]]*$//' > "$PIM_E2E_CAPTURE"
    echo "tui-e2e: My roles pane captured in $PIM_E2E_CAPTURE"
fi

# Resizing redraws at the new size: the title line (its clock at the right edge) gets 20 columns shorter.
title_width() { screen | head -1 | wc -c; }
wide=$(title_width)
"${TMUX_CMD[@]}" resize-window -t "$SESSION" -x 80 -y 24
deadline=$((SECONDS + TIMEOUT))
until [ "$(title_width)" = $((wide - 20)) ]; do (( SECONDS < deadline )) || fail "no redraw after resizing to 80x24"; sleep 0.1; done
"${TMUX_CMD[@]}" resize-window -t "$SESSION" -x 100 -y 30
until [ "$(title_width)" = "$wide" ]; do (( SECONDS < deadline )) || fail "no redraw after resizing back"; sleep 0.1; done
echo "tui-e2e: resize redraws"

# History shows the activation.
keys 3
wait_for 'History \([0-9]+\)'
wait_for "$ROLE"
echo "tui-e2e: ada: History lists the activation"

quit_pim
check_restored ada

# ---- ada: an Azure role through the form ----------------------------------------------------
# The filter matches a row's words in order (name, kind, scope), so this leaves Contributor at
# Prod-Payments first; Enter opens its form and Ctrl-S sends it.
run_pim ada-azure --demo
wait_for 'My roles \([0-9]+\)'
wait_for 'refreshed [0-9]+'
keys /
wait_for '^/'
text "Contributor azure Prod-Payments"
keys Enter
wait_gone '^/'
wait_for '^  Contributor +azure +Prod-Payments +Tier 1 +eligible'
keys Enter
wait_for 'Activate Contributor — Prod-Payments \(subscription\)'
wait_for 'requires justification, ticket'
text "INC-1: fix the payment workers"
keys Tab
text "INC-1"
keys Tab
keys C-u
text "ServiceNow"
keys Tab
keys C-u
text "1h"
keys C-s
wait_for "is active until|waits for approval|refused"
screen | grep -qE "refused|waits for approval" && fail "the Azure activation was not granted"
keys Enter
wait_gone 'Activate Contributor'
wait_for 'Contributor +azure +Prod-Payments +Tier 1 +active +(59m [0-9]{2}s|1h 00m)'
# The countdown ticks without any key press.
azure_left() { screen | grep -E 'Contributor +azure +Prod-Payments' | grep -oE '59m [0-9]{2}s' | head -1 || true; }
wait_for 'Contributor +azure +Prod-Payments +Tier 1 +active +59m [0-9]{2}s'
first=$(azure_left)
deadline=$((SECONDS + 5))
until [ -n "$(azure_left)" ] && [ "$(azure_left)" != "$first" ]; do
    (( SECONDS < deadline )) || fail "the Azure countdown does not tick"
    sleep 0.2
done
echo "tui-e2e: ada: Contributor at Prod-Payments is active with a countdown"
quit_pim
check_restored ada-azure

# ---- ada: one bulk access review decision -----------------------------------------------------
# The demo tenant has ada review a group's members (stage 1); three marked rows, one justification.
run_pim ada-reviews --demo
wait_for 'Reviews \([0-9]+/[0-9]+\)'
wait_for 'refreshed [0-9]+'
keys 5
wait_for '▾ .* waiting'
before=$(screen | grep -oE 'Reviews \([0-9]+/' | grep -oE '[0-9]+' | head -1)
[ "${before:-0}" -ge 3 ] || fail "ada has fewer than three access review decisions waiting"
keys Down
keys Space
keys Space
keys Space
keys a
wait_for 'Approve: 3 decisions'
text "Still on the team"
keys Enter
wait_for 'Recorded 3 decisions'
wait_gone 'Approve: 3 decisions'
wait_for "Reviews \\($((before - 3))/"
echo "tui-e2e: ada: recorded three access review decisions in one ($before → $((before - 3)) waiting)"
quit_pim
check_restored ada-reviews

# ---- ben: approve a pending request ---------------------------------------------------------
# The demo tenant seeds requests waiting for ben (from other requesters).
run_pim ben --demo --as ben
wait_for 'Approvals \([0-9]+\)'
wait_for 'refreshed [0-9]+'
keys 2
wait_for 'Requester'
before=$(screen | grep -oE 'Approvals \([0-9]+\)' | grep -oE '[0-9]+' | head -1)
[ "${before:-0}" -ge 1 ] || fail "ben has no pending request to approve"
keys Enter
wait_for 'Press a to approve'
keys a
wait_for 'Approve: why'
text "Change CHG-1001 is approved by the CAB"
keys Enter
wait_for 'Approved 1 request'
wait_gone 'Press a to approve|Approve: why'
wait_for "Approvals \\($((before - 1))\\)"
echo "tui-e2e: ben: approved one request ($before → $((before - 1)) waiting)"

keys 3
wait_for 'History \([0-9]+\)'
wait_for '20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}Z'
echo "tui-e2e: ben: History has rows"

# m lists the requests ben decided: the one just approved, with his reason; m again goes back.
keys m
# Five tabs do not fit 100 columns with the long name: the History tab may say just "My decisions".
wait_for '(History · my decisions|3 My decisions) \([1-9][0-9]*\)'
wait_for 'My decision +Approved by .*Change CHG-1001'
keys m
wait_for 'History \([0-9]+\)'
echo "tui-e2e: ben: m lists his decision with his reason"

quit_pim
check_restored ben

# ---- ben: approve an Azure request ----------------------------------------------------------
# The demo tenant seeds Azure requests waiting for ben (Owner at a subscription).
run_pim ben-azure --demo --as ben
wait_for 'Approvals \([0-9]+\)'
wait_for 'refreshed [0-9]+'
keys 2
wait_for 'Requester'
keys /
wait_for '^/'
text "azure"
keys Enter
wait_gone '^/'
wait_for 'Approvals \([0-9]+/[0-9]+\)'
before=$(screen | grep -oE 'Approvals \([0-9]+/' | grep -oE '[0-9]+' | head -1)
[ "${before:-0}" -ge 1 ] || fail "ben has no Azure request to approve"
keys Enter
wait_for 'Request from'
wait_for '│ Role or group .* · azure · .*\(subscription\)'
wait_for 'Press a to approve'
keys a
wait_for 'Approve: why'
text "Owner for the budget alerts is change CHG-77"
keys Enter
wait_for 'Approved 1 request'
wait_gone 'Press a to approve|Approve: why'
wait_for "Approvals \\($((before - 1))/"
echo "tui-e2e: ben: approved one Azure request ($before → $((before - 1)) Azure requests waiting)"
# The Azure decision is among his own, with his reason (read from the ARM approval's stage).
keys 3
wait_for 'History \([0-9]+\)'
keys m
wait_for '(History · my decisions|3 My decisions) \([1-9][0-9]*\)'
wait_for 'My decision +Approved by .*Owner for the budget'
echo "tui-e2e: ben: m lists his Azure decision with his reason"
quit_pim
check_restored ben-azure

# ---- Every signal that ends pim leaves the terminal as found -----------------------------------
# Ctrl-C, SIGTERM and SIGHUP through curses; crashes (SEGV, ABRT) and the other fatal signals
# through the async-signal-safe restore; SIGQUIT quits like q. Checked: exit status, alternate
# screen, application keypad and cursor-key modes, cursor shown, tty modes.
signal_restores() {  # NAME EXPECTED-STATUS: Ctrl-C is typed, the others are sent with kill
    local name=$1 code=$2 pid
    keys "clear; stty -g > $WORK/stty.$name.before; $BIN --demo; echo EXIT=\$?; stty -g > $WORK/stty.$name.after" Enter
    wait_for 'My roles \([0-9]+\)'
    [ "$(option '#{keypad_cursor_flag}')" = 1 ] || fail "pim did not switch the cursor keys to application mode"
    if [ "$name" = INT ]; then
        keys C-c
    else
        pid=$(pgrep -n -f -- "$BIN --demo") || fail "no pim process to send SIG$name to"
        kill -s "$name" "$pid"
    fi
    wait_for "^EXIT=$code\$"
    deadline=$((SECONDS + TIMEOUT))
    until [ -s "$WORK/stty.$name.after" ]; do (( SECONDS < deadline )) || fail "no shell after SIG$name"; sleep 0.1; done
    [ "$(option '#{alternate_on}')" = 0 ] || fail "SIG$name left the alternate screen on"
    [ "$(option '#{keypad_flag}')" = 0 ] || fail "SIG$name left the application keypad mode on"
    [ "$(option '#{keypad_cursor_flag}')" = 0 ] || fail "SIG$name left the application cursor-key mode on"
    [ "$(option '#{cursor_flag}')" = 1 ] || fail "SIG$name left the cursor hidden"
    cmp -s "$WORK/stty.$name.before" "$WORK/stty.$name.after" || fail "SIG$name changed the tty modes"
    screen | grep -qiE 'backtrace|fatal error' && fail "SIG$name printed a backtrace"
    echo "tui-e2e: SIG$name: exit status $code, terminal restored"
}
signal_restores INT 130
signal_restores TERM 143
signal_restores HUP 129
signal_restores QUIT 0
signal_restores SEGV 139
signal_restores ABRT 134
signal_restores USR1 138
signal_restores USR2 140
signal_restores ALRM 142
signal_restores VTALRM 154
signal_restores PROF 155

echo "tui-e2e: PASS"
