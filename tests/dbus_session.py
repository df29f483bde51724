"""A private D-Bus session bus for one test: stand-in desktop services run on
it, and nothing ever reaches the user's real bus.

``with private_session_bus(folder) as address: ...`` starts ``dbus-daemon``
with a config that allows eavesdropping (without those lines the bus's
replies to a monitor time out) and no service activation.
"""

from __future__ import annotations

import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextmanager
def private_session_bus(folder: Path) -> Iterator[str]:
    """Start a bus whose socket lives in ``folder`` (keep the path short: unix
    socket paths end near 100 bytes); yield its address. Skips without dbus-daemon."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None or not sys.platform.startswith("linux"):
        pytest.skip("needs dbus-daemon (Debian package: dbus)")
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=folder / "s"))
    args = [daemon, f"--config-file={config}", "--nofork", "--print-address=1"]
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            ready, _, _ = select.select([proc.stdout], [], [], 10)
            assert ready, "dbus-daemon printed no address"
            yield proc.stdout.readline().strip()
        finally:
            proc.terminate()
