"""Connection profiles as an operator uses them: several backends at once, the profile dialog,
a wrong password, and secrets that stay out of every file and log."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from console.commands import Action, Subject
from console.credentials import Vault
from console.embedded import EmbeddedBackend
from console.paths import config_dir, data_dir
from console.profiles import Profile, ProfileStore
from console.records import Collection
from console.sync import LinkState
from tests.support.backends import CASES, SEED, start_backend
from tests.support.consoles import loaded
from tests.support.dialogs import when_the_dialog_opens
from widgets.app import ConsoleSession, main
from widgets.i18n import install_language
from widgets.panels import Panel
from widgets.profile_dialog import ProfileDialog
from widgets.teams_panel import TeamsModel


@pytest.fixture
def second_backend():
    running = start_backend()
    yield running
    running.process.close()


def open_console(qtbot, profiles: list[Profile], passwords: dict[str, str], asked=None) -> ConsoleSession:
    ProfileStore(config_dir()).save(profiles)
    vault = Vault()
    for profile in profiles:
        if profile.name in passwords:
            vault.put(profile.name, profile.username, passwords[profile.name], remember=True)
    session = ConsoleSession(
        QSettings(str(config_dir() / "console.ini"), QSettings.Format.IniFormat),
        EmbeddedBackend(seed=SEED, cases=CASES),
    )
    qtbot.addWidget(session.window)
    session.window.show()
    session.start(ask=asked or (lambda _: pytest.fail("asked for a password that was kept")))
    return session


def test_two_backends_at_once_merge_into_one_picture(qtbot, memory_keyring, backend, second_backend):
    profiles = [Profile("成都", backend.url, "operator"), Profile("绵阳", second_backend.url, "supervisor")]
    session = open_console(
        qtbot, profiles, {"成都": backend.password_of("operator"), "绵阳": second_backend.password_of("supervisor")}
    )
    try:
        qtbot.waitUntil(lambda: len(session.store.teams) == 400, timeout=30_000)
        assert session.store.teams.backends() == {"成都", "绵阳"}
        assert session.embedded.pid is None  # profiles configured: no embedded backend
        model = session.window.panels[Panel.CONNECTION].model
        qtbot.waitUntil(
            lambda: [model.data(model.index(r, model.STATE)) for r in range(2)] == ["Live", "Live"], timeout=30_000
        )
        assert [model.data(model.index(r, model.ROLE)) for r in range(2)] == [
            "值班员甲 (operator) · Operator · 四川省高级人民法院",
            "指挥长甲 (supervisor) · Supervisor · 四川省高级人民法院",
        ]
        teams = session.window.panels[Panel.TEAMS]
        assert not teams.view.isColumnHidden(TeamsModel.BACKEND)
        shown = {teams.model.data(teams.model.index(row, TeamsModel.BACKEND)) for row in range(teams.model.rowCount())}
        assert shown == {"成都", "绵阳"}
    finally:
        session.shutdown()


def test_profiles_are_added_renamed_and_removed_from_the_connection_panel(
    qtbot, memory_keyring, backend, second_backend
):
    session = open_console(qtbot, [Profile("成都", backend.url, "operator")], {"成都": backend.password_of("operator")})
    panel, model = session.window.panels[Panel.CONNECTION], session.window.panels[Panel.CONNECTION].model

    def shown() -> list[str]:
        return [model.backend(row) for row in range(model.rowCount())]

    def pick(name: str) -> None:
        panel.view.selectRow(shown().index(name))

    def teams_of() -> set[str]:
        return session.store.teams.backends()

    try:
        qtbot.waitUntil(lambda: teams_of() == {"成都"}, timeout=30_000)

        def fill_new(dialog):
            dialog.name.setText("绵阳")
            dialog.url.setText(second_backend.url)
            dialog.username.setText("supervisor")
            dialog.password.setText(second_backend.password_of("supervisor"))

        when_the_dialog_opens(fill_new)
        panel.actions_by_name["add"].trigger()
        qtbot.waitUntil(lambda: teams_of() == {"成都", "绵阳"}, timeout=30_000)
        assert memory_keyring.passwords == {
            ("enforcement-console", "成都:operator"): backend.password_of("operator"),
            ("enforcement-console", "绵阳:supervisor"): second_backend.password_of("supervisor"),
        }

        pick("绵阳")
        when_the_dialog_opens(lambda dialog: dialog.name.setText("德阳"))
        panel.actions_by_name["edit"].trigger()
        qtbot.waitUntil(lambda: teams_of() == {"成都", "德阳"} and len(session.store.teams) == 400, timeout=30_000)
        assert shown() == ["德阳", "成都"] and "绵阳" not in session.store.health
        assert ("enforcement-console", "德阳:supervisor") in memory_keyring.passwords
        assert ("enforcement-console", "绵阳:supervisor") not in memory_keyring.passwords

        pick("德阳")
        when_the_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        panel.actions_by_name["remove"].trigger()
        qtbot.waitUntil(lambda: teams_of() == {"成都"}, timeout=30_000)
        assert shown() == ["成都"] and len(session.store.teams) == 200
        assert not any(backend_name == "德阳" for backend_name, _ in session.store.cases)
        assert [p.name for p in ProfileStore(config_dir()).load()] == ["成都"]
        forgotten = [("enforcement-console", "成都:operator")]  # on a worker: the keyring may take its time
        qtbot.waitUntil(lambda: list(memory_keyring.passwords) == forgotten, timeout=10_000)
    finally:
        session.shutdown()


def test_a_wrong_password_is_said_plainly(qtbot, memory_keyring, backend):
    session = open_console(qtbot, [Profile("成都", backend.url, "operator")], {"成都": "not-the-password"})
    try:
        qtbot.waitUntil(
            lambda: "成都" in session.store.health and session.store.health["成都"].state == LinkState.AUTH_FAILED,
            timeout=30_000,
        )
        banner = session.window._banner
        assert banner.isVisible() and "Authentication failed" in banner.text() and "成都" in banner.text()
    finally:
        session.shutdown()


def test_without_a_keyring_the_console_asks_and_keeps_the_password_for_the_session(qtbot, no_keyring, backend):
    asked = []

    def ask(profile):
        asked.append(profile.name)
        return backend.password_of("operator")

    session = open_console(qtbot, [Profile("成都", backend.url, "operator")], {}, asked=ask)
    try:
        qtbot.waitUntil(lambda: len(session.store.teams) == 200, timeout=30_000)
        assert asked == ["成都"] and not session.connections.vault.persistent
    finally:
        session.shutdown()


def test_the_password_never_reaches_settings_logs_or_the_outbox(qtbot, memory_keyring, stepped_backend, caplog):
    with caplog.at_level(logging.DEBUG):
        session = open_console(
            qtbot, [Profile("成都", stepped_backend.url, "operator")], {"成都": stepped_backend.password_of("operator")}
        )
        try:
            qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
            session.connections.submit(
                "成都", Action.MESSAGE, Subject(Collection.TEAMS, "T0001"), {"text": "注意安全"}, "指令"
            )
            qtbot.waitUntil(
                lambda: len(session.store.commands) and not session.store.commands.pending(), timeout=30_000
            )
            session.window.close()
        finally:
            session.shutdown()
    secret = stepped_backend.password_of("operator").encode()
    files = [p for d in (config_dir(), data_dir()) for p in d.rglob("*") if p.is_file()]
    assert any(p.name == "console.ini" for p in files) and any(p.name == "outbox.sqlite3" for p in files)
    assert all(secret not in p.read_bytes() for p in files)
    assert stepped_backend.password_of("operator") not in caplog.text


def test_the_profile_dialog_names_each_mistake_beside_its_field_and_tests_the_connection(qtbot, backend):
    dialog = ProfileDialog(None, [Profile("成都", backend.url, "operator")], keyring_available=False)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name.setText("成都")
    dialog.url.setText("http://court.example:8470")
    assert dialog.errors["name"].isVisible() and "already" in dialog.errors["name"].text()
    assert dialog.errors["url"].isVisible() and "Plain HTTP" in dialog.errors["url"].text()
    assert dialog.errors["username"].isVisible() and not ok.isEnabled()
    assert not dialog.remember.isEnabled()
    dialog.name.setText("德阳")
    dialog.url.setText(backend.url)
    dialog.username.setText("operator")
    dialog.password.setText(backend.password_of("operator"))
    assert ok.isEnabled() and not any(label.isVisible() for label in dialog.errors.values())
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Connected"), timeout=15_000)
    assert dialog.test_result.text() == "Connected as 值班员甲 (operator): Operator, 四川省高级人民法院."
    dialog.password.setText("wrong")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Failed"), timeout=15_000)
    assert "401" in dialog.test_result.text()


def test_the_profile_dialog_says_its_mistakes_in_the_operators_language(qtbot, qapp):
    install_language(qapp, "zh_CN")
    dialog = ProfileDialog(None, [Profile("成都", "https://court.example", "operator")], keyring_available=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("成都")
    dialog.url.setText("http://court.example:8470")
    assert dialog.errors["name"].text() == "已有名为“成都”的连接配置。"
    assert dialog.errors["url"].text().startswith("连接本机以外的主机不能用明文 HTTP")
    assert dialog.errors["username"].text() == "需要填写用户名。"


def test_an_insecure_profile_is_marked_and_a_refused_command_is_shown(qtbot, memory_keyring, stepped_backend):
    profiles = [
        Profile("成都", stepped_backend.url, "operator"),
        Profile("远端", "http://court.invalid:8470", "operator", allow_insecure_http=True, autoconnect=False),
    ]
    session = open_console(qtbot, profiles, {"成都": stepped_backend.password_of("operator")})
    try:
        model = session.window.panels[Panel.CONNECTION].model
        rows = {model.data(model.index(r, model.BACKEND)): r for r in range(model.rowCount())}
        assert model.data(model.index(rows["远端"], model.URL)).endswith("(insecure)")
        assert model.data(model.index(rows["远端"], model.STATE)) == "Not connected"
        assert not model.data(model.index(rows["成都"], model.URL)).endswith("(insecure)")
        qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
        session.connections.submit(
            "成都", Action.MESSAGE, Subject(Collection.TEAMS, "T9999"), {"text": "无此队伍"}, "指令"
        )
        status = session.window.statusBar()
        qtbot.waitUntil(lambda: "Refused by 成都" in status.currentMessage(), timeout=30_000)
        assert "T9999" in status.currentMessage()
    finally:
        session.shutdown()


def test_an_unknown_profile_on_the_command_line_is_an_error(capsys):
    assert main(["--profile", "没有这个"]) == 2
    assert "no connection profile named" in capsys.readouterr().err


def test_closing_the_console_signs_it_out_of_its_backends(qtbot, memory_keyring, stepped_backend):
    session = open_console(
        qtbot, [Profile("成都", stepped_backend.url, "operator2")], {"成都": stepped_backend.password_of("operator2")}
    )
    try:
        qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
    finally:
        session.shutdown()
    entries = stepped_backend.get("audit", username="supervisor", actor="operator2", page_size=1000)["items"]
    assert [entry["action"] for entry in entries][-2:] == ["login", "logout"]
