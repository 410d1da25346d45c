"""A crashed worker that hangs while stopping exits anyway (streams.worker.exit_after)."""

import subprocess
import sys

from streams.worker import EXIT_CRASHED


def test_exit_after_ends_a_stuck_process_with_the_crash_code():
    code = "from streams.worker import exit_after; import time; exit_after(0.3, 'stuck'); time.sleep(30)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=20)
    assert proc.returncode == EXIT_CRASHED == 70
    assert b"stuck and did not stop within" in proc.stderr


def test_a_process_that_exits_in_time_keeps_its_own_code():
    code = "from streams.worker import exit_after; exit_after(5, 'stuck')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=20)
    assert proc.returncode == 0  # the deadline thread is a daemon: it never holds the process
