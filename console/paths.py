"""Where the console keeps its files: settings and profiles in the user's config directory, the
outbox in the user's data directory. `ENFORCEMENT_CONSOLE_CONFIG_DIR` and
`ENFORCEMENT_CONSOLE_DATA_DIR` move them (tests do, and so can an installation with two desks)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "enforcement-console"


def config_dir() -> Path:
    path = Path(os.environ.get("ENFORCEMENT_CONSOLE_CONFIG_DIR") or platformdirs.user_config_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    path = Path(os.environ.get("ENFORCEMENT_CONSOLE_DATA_DIR") or platformdirs.user_data_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
