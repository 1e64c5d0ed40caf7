# Sourced by the table scripts (scripts/benchmark-table, calibration, generalisation-check,
# generalisation-suite): `child CMD...` runs CMD, a lawsearch command, so that a SIGINT (Ctrl-C) or
# SIGTERM to the script stops it too rather than leaving it running. Bash runs a trap only once the
# foreground command has ended, and a script's background job ignores SIGINT; so CMD runs in the
# background, the script waits for it, and a signal is passed on to it as SIGTERM: lawsearch then
# finishes the generation in flight, writes what it has and exits 143 (a second signal stops it at
# once). The script waits for that, then exits 130 (SIGINT) or 143 (SIGTERM). CMD's output goes
# where the call redirects it: not through $(...), whose subshell would hold the trap back.
child_pid=
child() {
  "$@" &
  child_pid=$!
  local rc=0
  wait "$child_pid" || rc=$?
  child_pid=
  return "$rc"
}
stop_child() {
  if [ -n "$child_pid" ]; then
    kill -TERM "$child_pid" 2>/dev/null || true
    wait "$child_pid" 2>/dev/null || true
  fi
  exit "$1"
}
trap 'stop_child 130' INT
trap 'stop_child 143' TERM
