"""Connection profiles and where their secrets go."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from console.credentials import SERVICE, Vault
from console.paths import config_dir
from console.profiles import InsecureTransport, Problem, Profile, ProfileStore, check_transport

GOOD = Profile(name="成都中院", url="https://court.example:8443", username="operator")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": " "}, "name"),
        ({"name": "a/b"}, "name"),
        ({"url": "court.example"}, "url"),
        ({"url": "ftp://court.example"}, "url"),
        ({"url": "https://court.example:99999"}, "url"),
        ({"url": "http://court.example"}, "url"),
        ({"username": ""}, "username"),
        ({"ca_bundle": "/no/such/ca.pem"}, "ca_bundle"),
        ({"client_key": "/no/such/key.pem"}, "client_key"),
    ],
)
def test_each_mistake_is_named_at_its_field(change, field):
    assert field in replace(GOOD, **change).errors()


def test_a_good_profile_has_no_errors_and_names_are_unique():
    assert GOOD.errors() == {}
    assert GOOD.errors(others=[GOOD]) == {"name": Problem.NAME_TAKEN}


@pytest.mark.parametrize("url", ["http://127.0.0.1:8470", "http://localhost:8470", "http://[::1]:8470"])
def test_plain_http_is_fine_on_loopback(url):
    check_transport(url, allow_insecure_http=False)
    assert not Profile("p", url, "u").insecure


def test_plain_http_beyond_loopback_needs_the_profiles_consent_and_is_marked():
    with pytest.raises(InsecureTransport):
        check_transport("http://10.1.2.3:8470", allow_insecure_http=False)
    allowed = Profile("p", "http://10.1.2.3:8470", "u", allow_insecure_http=True)
    assert allowed.errors() == {} and allowed.insecure


def test_profiles_round_trip_and_a_broken_file_is_not_fatal(caplog):
    store = ProfileStore(config_dir())
    store.save([GOOD, Profile("local", "http://127.0.0.1:8470", "supervisor", autoconnect=False)])
    assert ProfileStore(config_dir()).load() == [
        GOOD,
        Profile("local", "http://127.0.0.1:8470", "supervisor", autoconnect=False),
    ]
    store.path.write_text("{not json", "utf-8")
    with caplog.at_level(logging.ERROR):
        assert store.load() == []
    assert "cannot read" in caplog.text


def test_passwords_go_to_the_keyring_and_never_to_the_profiles_file(memory_keyring):
    vault = Vault()
    assert vault.persistent
    assert vault.put(GOOD.name, GOOD.username, "s3cret-Pa55", remember=True)
    ProfileStore(config_dir()).save([GOOD])
    assert Vault().get(GOOD.name, GOOD.username) == "s3cret-Pa55"
    assert memory_keyring.passwords == {(SERVICE, f"{GOOD.name}:{GOOD.username}"): "s3cret-Pa55"}
    assert all("s3cret-Pa55" not in path.read_text("utf-8") for path in config_dir().iterdir())
    Vault().forget(GOOD.name, GOOD.username)
    assert memory_keyring.passwords == {}


def test_without_a_keyring_a_password_lasts_the_session_only(no_keyring, caplog):
    with caplog.at_level(logging.WARNING):
        vault = Vault()
        assert not vault.persistent and not caplog.text  # nothing to say until there is a password to keep
        assert not vault.put(GOOD.name, GOOD.username, "s3cret-Pa55", remember=True)
    assert "in memory for this session" in caplog.text
    assert vault.get(GOOD.name, GOOD.username) == "s3cret-Pa55"
    assert Vault().get(GOOD.name, GOOD.username) is None
    assert "s3cret-Pa55" not in caplog.text
