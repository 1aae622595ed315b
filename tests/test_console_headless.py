"""The console run headless on a profile, as a wall display's start-up script runs it: the password
comes from a file only its owner reads, or from standard input; with neither, the console says so
and exits rather than wait on a dialog nobody sees. A polite kill closes it from any dialog."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMainWindow

from console.profiles import Profile, ProfileStore
from widgets.app import PASSWORD_FILE_ENV, close_everything

START = "import sys; from widgets.app import main; sys.exit(main())"


@pytest.fixture
def desk(tmp_path, backend):
    """A desk's directories with one profile, 成都, for the shared backend's observer."""
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    ProfileStore(config).save([Profile("成都", backend.url, "observer")])
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ENFORCEMENT_CONSOLE_CONFIG_DIR": str(config),
        "ENFORCEMENT_CONSOLE_DATA_DIR": str(data),
    }
    env.pop(PASSWORD_FILE_ENV, None)
    return env, tmp_path


def run(env: dict, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", START, "--profile", "成都", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_a_password_file_that_only_its_owner_reads_signs_the_console_in(desk, backend):
    env, folder = desk
    secret = folder / "password"
    secret.write_text(backend.password_of("observer") + "\n", encoding="utf-8")
    secret.chmod(0o600)
    shot = folder / "wall.png"
    done = run({**env, PASSWORD_FILE_ENV: str(secret)}, "--screenshot", str(shot), "--after", "1")
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000
    assert backend.password_of("observer") not in done.stdout + done.stderr

    secret.chmod(0o644)
    refused = run({**env, PASSWORD_FILE_ENV: str(secret)}, "--screenshot", str(shot))
    assert refused.returncode == 2 and "chmod 600" in refused.stderr


def test_the_password_on_standard_input_signs_the_console_in(desk, backend):
    env, folder = desk
    shot = folder / "wall.png"
    done = run(
        env, "--password-stdin", "--screenshot", str(shot), "--after", "1", stdin=backend.password_of("observer")
    )
    assert done.returncode == 0, done.stderr
    assert shot.is_file()


def test_without_a_password_a_headless_console_says_so_and_exits(desk):
    env, folder = desk
    refused = run(env, "--screenshot", str(folder / "never.png"))
    assert refused.returncode == 2
    assert "no password for the profile '成都'" in refused.stderr and "--password-stdin" in refused.stderr
    assert not (folder / "never.png").exists()


def test_a_polite_kill_closes_the_console_from_an_open_dialog(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    dialog = QDialog(window)
    QTimer.singleShot(200, close_everything)  # what SIGTERM's handler runs, at the next timer tick
    assert dialog.exec() == QDialog.DialogCode.Rejected
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_wrong_password_ends_a_headless_console_at_once_saying_why(desk):
    env, folder = desk
    refused = run(env, "--password-stdin", "--screenshot", str(folder / "never.png"), stdin="not the password at all")
    assert refused.returncode == 2
    assert "成都: auth_failed" in refused.stderr and "wrong" in refused.stderr
