#!/usr/bin/env python3
"""Run a command whose standard output is a full pipe (so it cannot finish), send it SIGINT once
it has started (its /proc/PID/exe is the program), drain the pipe so that a program that handles
SIGINT can write and exit, and print its exit status as a shell reports it (128 + N when killed by
signal N). Used by tests/cli_exit_status.sh for the 'interrupted' class (130).
Usage: interrupt.py PROGRAM ARGS..."""
import os
import signal
import subprocess
import sys
import threading
import time


def main(argv):
    program = os.path.realpath(argv[1])
    r, w = os.pipe()
    os.set_blocking(w, False)
    try:
        while True:
            os.write(w, b"\0" * 65536)
    except BlockingIOError:
        pass
    os.set_blocking(w, True)
    p = subprocess.Popen(argv[1:], stdout=w, stderr=subprocess.DEVNULL)
    os.close(w)
    # Synchronisation, not a timed assertion: wait until the child runs the program.
    while p.poll() is None:
        try:
            if os.readlink("/proc/%d/exe" % p.pid) == program:
                break
        except OSError:
            pass
        time.sleep(0.01)
    if p.poll() is None:
        p.send_signal(signal.SIGINT)

    def drain():
        while os.read(r, 65536):
            pass

    t = threading.Thread(target=drain, daemon=True)
    t.start()
    rc = p.wait()
    print(128 - rc if rc < 0 else rc)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
