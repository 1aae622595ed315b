"""Refreshes the Chinese translation from the source: `python -m resources.translations.update`.

pyside6-lupdate collects every `tr()` / `translate()` string of `console/` and `widgets/` into
`console_zh_CN.ts` (kept: the translations already made; dropped: strings no longer in the source),
and pyside6-lrelease compiles it to the `.qm` that the console loads. Translate the new entries in
the `.ts` (Qt Linguist, or any editor), then run this again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ("widgets", "console")


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for folder in SOURCES for path in (ROOT / folder).rglob("*.py"))


def tool(name: str) -> str:
    """A PySide6 tool: beside this Python (a virtual environment need not be activated), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: it comes with PySide6")
    return found


def update(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main() -> int:
    update(HERE / "console_zh_CN.ts", HERE / "console_zh_CN.qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
