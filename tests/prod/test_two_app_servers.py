"""Two application servers behind one nginx, sessions shared (issue 14,
docs/capacity.md "Growing to 17 regions").

Two Odoo processes in prefork mode on the same database and the same
``data_dir`` (Odoo 11 keeps sessions as files in ``data_dir/sessions``: a
folder shared by every application server, NFS in production), one nginx
sending ``/`` to both in turn. A login on one server is valid on the other,
through nginx every request is authenticated whichever server answers, and a
logout on one ends the session on both.
"""
import os
import shutil
import tempfile
from types import SimpleNamespace

import pytest
import requests

import _servers  # tests/_servers.py (tests/prod/conftest.py puts tests/ on the path)
from prod.conftest import nginx_binary, start_nginx, write_nginx_conf

TIMEOUT = 30
LOGIN = "inspector"
#: one worker each is enough to prove the sharing (the machine has 2 cores)
OPTIONS = ("--workers=1", "--max-cron-threads=0", "--proxy-mode")


@pytest.fixture(scope="module")
def pair():
    nginx = nginx_binary()
    if not nginx:
        pytest.fail("nginx is missing: apt-get install nginx", pytrace=False)
    db = _servers.target_db()
    port_a, lp_a, port_b, lp_b, port = _servers.free_ports(5)
    servers, proxy = [], None
    tmp = tempfile.mkdtemp(prefix="uchaske-nginx2-")
    try:
        for name, http_port, lp_port in (("prod2-odoo-a", port_a, lp_a),
                                         ("prod2-odoo-b", port_b, lp_b)):
            servers.append(_servers.start_odoo(
                name, db, http_port, *OPTIONS, "--longpolling-port=%d" % lp_port))
        conf = write_nginx_conf(tmp, port, port_a, lp_a, more_http_ports=(port_b,))
        proxy = start_nginx("prod2-nginx", tmp, conf)
        base_url = "http://127.0.0.1:%d" % port
        _servers.wait_for_url(base_url + "/web/login", proxy, timeout=60)
        yield SimpleNamespace(
            db=db, base_url=base_url, urls=["http://127.0.0.1:%d" % port_a,
                                            "http://127.0.0.1:%d" % port_b],
            ports=(port_a, port_b), access_log=os.path.join(tmp, "access.log"))
    finally:
        try:
            if proxy is not None:
                proxy.stop()
        finally:
            for server in servers:
                server.stop()
            shutil.rmtree(tmp, ignore_errors=True)


def _rpc(session, url, params=None):
    response = session.post(url, timeout=TIMEOUT, json={
        "jsonrpc": "2.0", "method": "call", "params": params or {}, "id": 1})
    assert response.status_code == 200, response.status_code
    return response.json()


def _login(pair, url):
    session = requests.Session()
    result = _rpc(session, url + "/web/session/authenticate",
                  {"db": pair.db, "login": LOGIN, "password": LOGIN})["result"]
    assert result["uid"], result
    return session, result["uid"]


def _uid(session, url):
    body = _rpc(session, url + "/web/session/get_session_info")
    return (body.get("result") or {}).get("uid")


def test_login_on_one_server_is_valid_on_the_other(pair):
    url_a, url_b = pair.urls
    session, uid = _login(pair, url_a)
    assert _uid(session, url_b) == uid
    # and a register read works there as this user (record rules apply)
    body = _rpc(session, url_b + "/web/dataset/search_read", {
        "model": "uchaske.registry.case", "fields": ["name"], "limit": 5})
    assert "result" in body, body.get("error")


def test_through_nginx_both_servers_answer_the_same_session(pair):
    session, uid = _login(pair, pair.base_url)
    for _round in range(6):
        assert _uid(session, pair.base_url) == uid
    with open(pair.access_log, errors="replace") as log:
        upstreams = {line.rsplit("upstream=", 1)[-1].strip()
                     for line in log if "get_session_info" in line}
    assert upstreams == {"127.0.0.1:%d" % port for port in pair.ports}, upstreams


def test_logout_on_one_server_ends_the_session_on_both(pair):
    url_a, url_b = pair.urls
    session, uid = _login(pair, url_b)
    assert _uid(session, url_a) == uid
    response = session.get(url_a + "/web/session/logout", timeout=TIMEOUT,
                           allow_redirects=False)
    assert response.status_code in (302, 303), response.status_code
    assert not _uid(session, url_b)
