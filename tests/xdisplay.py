"""A private X server for one test: ``with xvfb_display() as display: ...``.

Xvfb picks a free display number itself (``-displayfd``), so tests running
side by side never collide. No window manager, no tray: tests that need one
start it on the display. Skips the test (not fails) when Xvfb is missing.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import pytest

SCREEN = "1280x860x24"
START_TIMEOUT_S = 15.0


@contextmanager
def xvfb_display(screen: str = SCREEN, *, extra_args: tuple[str, ...] = ()) -> Iterator[str]:
    """Start Xvfb, yield its DISPLAY string (":N"), and stop it afterwards."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("needs Xvfb (Debian package: xvfb)")
    # A file, not a pipe: nobody reads Xvfb's chatter while the test runs,
    # and a full pipe would block the server.
    with tempfile.TemporaryFile() as log:
        read_end, write_end = os.pipe()
        # -nolisten tcp: a local socket only, so no auth file is needed.
        args = [xvfb, "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"]
        try:
            proc = subprocess.Popen(
                [*args, *extra_args],
                pass_fds=(write_end,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        except BaseException:
            os.close(read_end)
            raise
        finally:
            os.close(write_end)
        try:
            yield f":{_read_display_number(read_end, proc, log)}"
        finally:
            os.close(read_end)
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _read_display_number(fd: int, proc: subprocess.Popen[bytes], log: IO[bytes]) -> int:
    """Xvfb writes the number and a newline once it accepts connections."""
    text = b""
    while not text.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], START_TIMEOUT_S)
        chunk = os.read(fd, 64) if ready else b""
        if not chunk:  # timed out, or Xvfb exited and closed the pipe
            proc.kill()
            proc.wait()
            log.seek(0)
            errors = log.read().decode(errors="replace")[-500:]
            raise RuntimeError(f"Xvfb did not start: {errors}")
        text += chunk
    return int(text)
