# Helpers for tests that drive rubric at a real terminal (tmux). Source it
# after setting `sock` (a private server name) and `work` (the scratch
# folder, the shell's HOME and working folder):
#
#   tmux_shell VAR=VALUE...   a bash in a 160x50 terminal on the private
#                             server, started with `env -i` (only PATH, TERM,
#                             HOME, HISTFILE=/dev/null and the given
#                             variables), prompt 'shell$ ', umask 022
#   type_line TEXT            type TEXT and press Enter
#   screen                    the pane, with its scrollback
#   wait_for TEXT [N]         wait (20 s at most) until the screen shows the
#                             fixed string TEXT at least N times (1)
#   wait_shell                wait until the shell prompt is back
#   fresh                     wait for the shell, then empty the screen and
#                             its scrollback, so that the next waits see only
#                             what the next command shows
#   fail MESSAGE              print MESSAGE and the screen, exit 1
#   tmux_cleanup              kill the private server (call it on EXIT)
#
# Waits poll capture-pane; no test relies on a fixed sleep.
tm() { tmux -L "$sock" -f /dev/null "$@"; }
tmux_cleanup() { tm kill-server >/dev/null 2>&1; }
fail() {
  echo "FAIL: $*"
  echo "--- screen:"
  tm capture-pane -p -J -S -60 -t main 2>/dev/null | sed -e :a -e '/^[[:space:]]*$/{$d;N;ba' -e '}' | sed 's/^/  | /'
  exit 1
}
tmux_shell() {
  tm new-session -d -s main -x 160 -y 50 \
    env -i "HOME=$work" HISTFILE=/dev/null TERM=xterm PATH=/usr/bin:/bin "$@" \
    bash --norc --noprofile || fail "tmux did not start"
  tm set-option -t main history-limit 5000 >/dev/null
  type_line "cd '$work' && umask 022 && PS1='shell\$ ' && clear"
  wait_shell
}
screen() { tm capture-pane -p -J -S -5000 -t main; }
type_line() { tm send-keys -t main -l -- "$1"; tm send-keys -t main Enter; }
wait_for() {
  local i n=${2:-1}
  for ((i = 0; i < 200; i++)); do
    [ "$(screen | grep -cF -- "$1")" -ge "$n" ] && return 0
    sleep 0.1
  done
  fail "timed out waiting for${2:+ $2 x}: $1"
}
wait_shell() {
  local i
  for ((i = 0; i < 200; i++)); do
    [ "$(screen | grep -v '^[[:space:]]*$' | tail -1 | sed 's/[[:space:]]*$//')" = 'shell$' ] && return 0
    sleep 0.1
  done
  fail "timed out waiting for the shell prompt"
}
fresh() {
  wait_shell
  type_line "clear"
  local i
  for ((i = 0; i < 200; i++)); do
    [ "$(tm capture-pane -p -t main | grep -v '^[[:space:]]*$' | sed 's/[[:space:]]*$//')" = 'shell$' ] && break
    sleep 0.1
  done
  tm clear-history -t main
}
