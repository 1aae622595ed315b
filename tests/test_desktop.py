"""The console on a desktop: the README names the package of every system library that Qt's X11
platform loads, and with them the console starts on an X display (a virtual one, Xvfb), as an
operator starts it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
QT = Path(PySide6.__file__).parent / "Qt"
# What a desktop console loads of Qt: the X11 platform plugin and the libraries under it.
LOADED = (
    QT / "plugins" / "platforms" / "libqxcb.so",
    QT / "plugins" / "xcbglintegrations" / "libqxcb-glx-integration.so",
    QT / "plugins" / "xcbglintegrations" / "libqxcb-egl-integration.so",
    QT / "lib" / "libQt6XcbQpa.so.6",
    QT / "lib" / "libQt6Gui.so.6",
    QT / "lib" / "libQt6Widgets.so.6",
    QT / "lib" / "libQt6Core.so.6",
    QT / "lib" / "libQt6DBus.so.6",
)
# Shipped in the wheel, or the C and C++ runtime that Python itself runs on.
NOT_SYSTEM = re.compile(
    r"^(libQt6|libicu|libpyside|libshiboken|libc\.|libm\.|libstdc\+\+|libgcc_s|libdl\.|libpthread|librt\.|ld-linux)"
)


def readme_packages() -> set[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    lines = re.findall(r"^sudo apt-get install (lib.*)$", readme, re.MULTILINE)
    assert len(lines) == 1, "the README has one line of desktop libraries to install"
    return set(lines[0].split())


def needed(library: Path) -> set[str]:
    """The shared libraries `library` names as needed (its ELF DT_NEEDED entries)."""
    dynamic = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic))


def package_of(soname: str) -> str | None:
    """The Debian package that installed `soname`, or None when none did."""
    found = subprocess.run(["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True)
    return found.stdout.split(":", 1)[0] if found.returncode == 0 else None


def test_the_readme_names_the_package_of_every_library_the_desktop_platform_loads():
    listed = readme_packages()
    system = sorted({name for library in LOADED for name in needed(library) if not NOT_SYSTEM.match(name)})
    assert "libxcb-icccm.so.4" in system and "libxcb-cursor.so.0" in system  # the list is read, not empty
    packages = {soname: package_of(soname) for soname in system}
    not_installed = [soname for soname, package in packages.items() if package is None]
    assert not not_installed, f"not installed here, so not in the README's list: {not_installed}"
    unlisted = {soname: package for soname, package in packages.items() if package not in listed}
    assert not unlisted, f"the README's apt-get line misses: {unlisted}"


def test_the_console_starts_on_an_x_display(tmp_path):
    assert shutil.which("xvfb-run"), "the tests need Xvfb: sudo apt-get install xvfb (see the README)"
    picture = tmp_path / "desktop.png"
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "ENFORCEMENT_CONSOLE_CONFIG_DIR": str(tmp_path / "config"),
        "ENFORCEMENT_CONSOLE_DATA_DIR": str(tmp_path / "data"),
    }
    started = subprocess.run(
        ["xvfb-run", "--auto-servernum", "--server-args=-screen 0 1600x900x24"]
        + [sys.executable, str(ROOT / "main.py"), "--screenshot", str(picture), "--after", "1", "--lang", "zh_CN"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert started.returncode == 0, started.stderr[-2000:]
    image = QImage(str(picture))
    assert image.width() >= 1000 and image.height() >= 600
    colours = {image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 13)}
    assert len(colours) > 50  # the map, the panels and their data drawn: not a blank or a failed window
