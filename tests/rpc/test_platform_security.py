"""Platform hardening attacked over HTTP on a real server (docs/security.md,
README "Logins"), as a real inspector:

- password guessing: 5 wrong passwords lock the login at that address, the
  right one is then refused, until the administrator lifts the ban;
- an idle session ends after 30 minutes (the clock is injected by ageing the
  session file, which auth_session_timeout reads);
- the database service: no master-password oracle, no database names;
- CVE-2020-29396: ``datetime.sys`` through mail template rendering.
"""
import os
import time
import xmlrpc.client

import pytest
import requests

import _servers

STRONG = "Uchaske-2026!pass"
IDLE_LIMIT = 1800  # seconds, data/ir_config_parameter_data.xml of uchaske_base
SESSIONS = _servers.ROOT / ".odoo" / "data" / "sessions"


def _proxy(url, service):
    return xmlrpc.client.ServerProxy("%s/xmlrpc/2/%s" % (url, service), allow_none=True)


class Admin:
    def __init__(self, url, db):
        self.url, self.db = url, db
        self.uid = _proxy(url, "common").authenticate(db, "admin", "admin", {})
        assert self.uid, "admin login refused"

    def call(self, model, method, *args, **kwargs):
        return _proxy(self.url, "object").execute_kw(
            self.db, self.uid, "admin", model, method, list(args), kwargs)


@pytest.fixture(scope="module")
def admin(odoo_server):
    return Admin(odoo_server, _servers.target_db())


@pytest.fixture
def inspector(admin):
    """A fresh inspector (unique login: the database may be reused)."""
    login = "sec_%d" % int(time.time() * 1000)
    group = admin.call("ir.model.data", "xmlid_to_res_id",
                       "uchaske_base.group_inspector")
    uid = admin.call("res.users", "create", {
        "name": "Security test inspector", "login": login, "password": STRONG,
        "groups_id": [(6, 0, [group])]}, context={"no_reset_password": True})
    return login, uid


def _authenticate(url, login, password):
    return _proxy(url, "common").authenticate(_servers.target_db(), login, password, {})


def _json(session, url, path, params):
    response = session.post(url + path, timeout=30, json={
        "jsonrpc": "2.0", "method": "call", "params": params, "id": 1})
    assert response.status_code == 200, response.status_code
    return response.json()


def _web_login(url, login, password):
    session = requests.Session()
    body = _json(session, url, "/web/session/authenticate", {
        "db": _servers.target_db(), "login": login, "password": password})
    return session, body


def test_login_locked_after_five_wrong_passwords(odoo_server, admin, inspector):
    """30 guesses used to be free and the right password then worked."""
    login, uid = inspector
    for _attempt in range(5):
        assert _authenticate(odoo_server, login, "guess-%d" % _attempt) is False
    # the right password, over XML-RPC and through the web login: refused
    assert _authenticate(odoo_server, login, STRONG) is False
    _session, body = _web_login(odoo_server, login, STRONG)
    assert not (body.get("result") or {}).get("uid"), body
    # the administrator sees why
    attempts = admin.call("res.authentication.attempt", "search_read",
                          [("login", "=", login)], ["result"])
    results = sorted(a["result"] for a in attempts)
    assert results.count("failed") == 5 and "banned" in results, results
    # the address is not banned for the others (5 < 20)
    assert _authenticate(odoo_server, "admin", "admin") == admin.uid
    # lifting the ban: the administrator deletes the attempts
    admin.call("res.authentication.attempt", "unlink", [a["id"] for a in attempts])
    assert _authenticate(odoo_server, login, STRONG) == uid


def test_idle_session_expires(odoo_server, inspector):
    login, uid = inspector
    session, body = _web_login(odoo_server, login, STRONG)
    assert body.get("result", {}).get("uid") == uid, body
    path = SESSIONS / ("werkzeug_%s.sess" % session.cookies["session_id"])
    assert path.exists(), path

    def read_own_name():
        return _json(session, odoo_server, "/web/dataset/call_kw", {
            "model": "res.users", "method": "read", "args": [[uid], ["name"]],
            "kwargs": {}})

    def last_used(seconds_ago):
        past = time.time() - seconds_ago
        os.utime(path, (past, past))

    last_used(IDLE_LIMIT - 60)   # 29 minutes ago: still open
    assert read_own_name().get("result"), "session ended before the limit"
    last_used(IDLE_LIMIT + 60)   # 31 minutes ago: ended
    body = read_own_name()
    assert body.get("error", {}).get("code") == 100, body  # Session expired
    assert "result" not in body
    assert read_own_name().get("error"), "the expired session was reopened"


def test_database_service_closed(odoo_server):
    """No master-password oracle, no database names, no backups over HTTP."""
    secret = open(os.environ["UCHASKE_ADMIN_PASSWD_FILE"]).read().strip()
    db_service = _proxy(odoo_server, "db")
    assert db_service.server_version().startswith("11.0")
    for call in (lambda: db_service.list_countries(secret),
                 lambda: db_service.list_countries("uchaske-admin"),
                 lambda: db_service.db_exist(_servers.target_db()),
                 lambda: db_service.list(),
                 lambda: db_service.dump(secret, _servers.target_db(), "zip")):
        with pytest.raises(xmlrpc.client.Fault) as caught:
            call()
        assert "Access" in caught.value.faultString
    response = requests.post(odoo_server + "/web/database/backup", timeout=60, data={
        "master_pwd": secret, "name": _servers.target_db(), "backup_format": "zip"})
    assert "octet-stream" not in response.headers.get("Content-Type", "")
    assert not response.content.startswith(b"PK")


def test_template_rendering_cannot_reach_os(odoo_server, admin, inspector):
    """CVE-2020-29396: ``datetime.sys`` through mail template rendering. An
    inspector may not render his own template text over RPC at all (the
    sandbox's ``object`` reaches ``sudo()`` and ``env.cr``): refused over
    XML-RPC and JSON-RPC. The administrator's rendering still refuses the
    escape, and an ordinary template still renders."""
    login, uid = inspector
    models = _proxy(odoo_server, "object")
    db = _servers.target_db()
    partner = admin.call("res.users", "read", [uid], ["partner_id"])[0]["partner_id"][0]
    payload = "${datetime.sys.modules['os'].getcwd()}"
    with pytest.raises(xmlrpc.client.Fault) as refused:
        models.execute_kw(db, uid, STRONG, "mail.template", "render_template",
                          [payload, "res.partner", partner], {})
    assert "not available over RPC" in refused.value.faultString
    assert str(_servers.ROOT) not in refused.value.faultString
    session, _body = _web_login(odoo_server, login, STRONG)
    body = _json(session, odoo_server, "/web/dataset/call_kw", {
        "model": "mail.template", "method": "render_template",
        "args": ["${object.env.cr.dbname}", "res.partner", partner], "kwargs": {}})
    assert "not available over RPC" in str(body.get("error")), body
    assert db not in str(body.get("result", ""))
    # CVE-2018-15645: a raw e-mail processed as if the gateway received it
    with pytest.raises(xmlrpc.client.Fault) as refused:
        models.execute_kw(db, uid, STRONG, "res.partner", "message_process",
                          [False, "From: x@example.invalid\n\nhello"], {})
    assert "not available over RPC" in refused.value.faultString
    # the administrator: the escape still fails, an ordinary template renders
    try:
        result = admin.call("mail.template", "render_template",
                            payload, "res.partner", partner)
    except xmlrpc.client.Fault as fault:
        result = fault.faultString
    assert str(_servers.ROOT) not in str(result)
    ok = admin.call("mail.template", "render_template",
                    "${object.name} ${datetime.date(2026, 1, 2)}",
                    "res.partner", partner)
    assert "2026-01-02" in str(ok)
