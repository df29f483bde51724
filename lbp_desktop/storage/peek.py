"""Read a few window settings before the store is open.

The first paint of the main window should not wait for the store (and the
imports it needs), yet the window should open at the size and in the theme
the user left it. So the launcher peeks at settings.json: read-only,
tolerant (any problem just means defaults), never writing. The store proper
opens right after the first paint and reports any real problem then.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lbp_desktop.storage.layout import SETTINGS_FILE

SETTINGS_TABLE = "settings"


def peek_settings(data_dir: Path, keys: tuple[str, ...]) -> dict[str, Any]:
    """The stored values of ``keys`` that could be read; missing ones are left out."""
    try:
        raw = json.loads((data_dir / SETTINGS_FILE).read_bytes())
        table = raw[SETTINGS_TABLE]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    found: dict[str, Any] = {}
    for key in keys:
        doc = table.get(key)
        if isinstance(doc, dict) and "value" in doc:
            found[key] = doc["value"]
    return found
