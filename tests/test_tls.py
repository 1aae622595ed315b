"""TLS as a profile uses it: verification on, a CA bundle of the profile's own, client
certificates; and no plain HTTP beyond loopback without the profile's consent."""

from __future__ import annotations

import queue

import pytest
import trustme

from console.api import ApiClient
from console.store import Store
from console.sync import BackendLink, LinkState
from tests.support.backends import start_backend
from tests.support.links import new_link, pump


@pytest.fixture(scope="module")
def authority():
    return trustme.CA()


@pytest.fixture
def pems(authority, tmp_path):
    """The CA, the server's certificate and a client's, as PEM files."""
    paths = {"ca": tmp_path / "ca.pem", "server": tmp_path / "server.pem", "client": tmp_path / "client.pem"}
    authority.cert_pem.write_to_path(str(paths["ca"]))
    authority.issue_cert("127.0.0.1", "localhost").private_key_and_cert_chain_pem.write_to_path(str(paths["server"]))
    authority.issue_cert("desk-7@court.example").private_key_and_cert_chain_pem.write_to_path(str(paths["client"]))
    return paths


def follow(url: str, password: str, **options) -> tuple[BackendLink, Store, queue.SimpleQueue]:
    sink: queue.SimpleQueue = queue.SimpleQueue()
    link = new_link("tls", url, "operator", password, sink, seed=2, **options)
    link.start()
    return link, Store(), sink


def state_of(store: Store) -> LinkState | None:
    health = store.health.get("tls")
    return None if health is None else health.state


def test_a_backend_served_over_tls_is_followed_with_the_profiles_ca(pems):
    backend = start_backend("--tls-cert", str(pems["server"]))
    try:
        assert backend.url.startswith("https://127.0.0.1:")
        link, store, sink = follow(backend.url, backend.password_of("operator"), verify=str(pems["ca"]))
        try:
            pump(sink, store, lambda s: state_of(s) == LinkState.LIVE and len(s.teams) == 200)
        finally:
            link.stop()
        untrusting, store, sink = follow(backend.url, backend.password_of("operator"))  # the system's CAs only
        try:
            pump(sink, store, lambda s: state_of(s) == LinkState.RECONNECTING)
            assert "certificate" in store.health["tls"].detail.lower()
            assert not store.teams
        finally:
            untrusting.stop()
    finally:
        backend.process.close()


def test_mutual_tls_needs_the_profiles_client_certificate(pems):
    backend = start_backend("--tls-cert", str(pems["server"]), "--tls-client-ca", str(pems["ca"]))
    try:
        link, store, sink = follow(
            backend.url, backend.password_of("operator"), verify=str(pems["ca"]), cert=str(pems["client"])
        )
        try:
            pump(sink, store, lambda s: state_of(s) == LinkState.LIVE)
        finally:
            link.stop()
        anonymous, store, sink = follow(backend.url, backend.password_of("operator"), verify=str(pems["ca"]))
        try:
            pump(sink, store, lambda s: state_of(s) == LinkState.RECONNECTING)
            assert not store.teams
        finally:
            anonymous.stop()
    finally:
        backend.process.close()


def test_plain_http_beyond_loopback_is_refused_before_any_connection():
    # A name under .invalid never resolves; the link refuses before even trying.
    link, store, sink = follow("http://court.invalid:8470", "unused")
    try:
        pump(sink, store, lambda s: state_of(s) == LinkState.FAILED)
        assert "plain HTTP" in store.health["tls"].detail
    finally:
        link.stop()


def test_a_loopback_backend_is_reached_directly_whatever_the_proxy_variables_say(backend, monkeypatch):
    for variable in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(variable, "http://127.0.0.1:9")  # nothing listens there
    client = ApiClient(backend.url)
    try:
        client.login("observer", backend.password_of("observer"))
        assert client.me()["username"] == "observer"
    finally:
        client.close()
