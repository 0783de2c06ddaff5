#!/usr/bin/env python3
"""tty_drive.py KEYS TRANSCRIPT COMMAND...: runs COMMAND in a pseudo-terminal,
types KEYS (Python string escapes: \\r, \\x1b, \\x15, ...) one at a time, each
once the screen has settled, and exits with COMMAND's status. Everything the
program drew goes to TRANSCRIPT. With DRIVE_HANGUP=1 in the environment, the
terminal is hung up after the keys (SIGHUP, as when ssh drops).
Used by the interactive review tests."""
import codecs
import os
import pty
import select
import signal
import sys
import time


def drain(fd, out, quiet=0.15, limit=10.0):
    """Reads until nothing has come for `quiet` seconds (or the end)."""
    start = last = time.time()
    got_any = False
    while time.time() - start < limit:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            out.append(data)
            got_any = True
            last = time.time()
        elif got_any and time.time() - last >= quiet:
            return True
    return True


def main():
    keys = codecs.decode(sys.argv[1], "unicode_escape").encode("latin-1").decode("utf-8")
    transcript = sys.argv[2]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[3], sys.argv[3:])
    out = []
    alive = drain(fd, out)
    for k in keys:
        if not alive:
            break
        os.write(fd, k.encode("utf-8"))
        alive = drain(fd, out)
    if alive and os.environ.get("DRIVE_HANGUP"):
        os.kill(pid, signal.SIGHUP)
    if alive:
        drain(fd, out, quiet=0.5, limit=5)
    _, status = os.waitpid(pid, 0)
    with open(transcript, "wb") as f:
        f.write(b"".join(out))
    sys.exit(os.waitstatus_to_exitcode(status))


main()
