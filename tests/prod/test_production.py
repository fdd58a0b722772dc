"""Production mode: prefork workers, a longpolling process, nginx in front.

The ``prod`` fixture (conftest.py) starts Odoo as ``./uchaske prod`` does and
an nginx reverse proxy before it. These tests check what production needs
and development mode does not show: real worker processes, a separate
longpolling (gevent) process, and nginx routing ``/`` to the workers and
``/longpolling/`` to the longpolling process, with the session shared by both.
"""
import re
import subprocess
import time
import uuid
from urllib.parse import urlparse

import psutil
import requests

TIMEOUT = 30  # seconds for one request; the first /web may compile assets
LOGIN = "inspector"
CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def _listens_on(proc, port):
    try:
        return any(conn.status == psutil.CONN_LISTEN and conn.laddr.port == port
                   for conn in proc.net_connections(kind="tcp"))
    except psutil.Error:
        return False


def _longpolling_process(prod, timeout=10):
    """The master's child that listens on the longpolling port, or None."""
    master = psutil.Process(prod.server.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child in master.children():
            if _listens_on(child, prod.longpolling_port):
                return child
        time.sleep(0.3)
    return None


def _no_longpolling_message(prod):
    return ("no child of the Odoo master listens on the longpolling port %d; "
            "log %s:\n%s" % (prod.longpolling_port, prod.server.log_path,
                             prod.server.log_tail(30)))


def _login(prod, login=LOGIN, password=LOGIN):
    """A requests session logged in through nginx with the real login form."""
    session = requests.Session()
    page = session.get(prod.base_url + "/web/login", timeout=TIMEOUT)
    assert page.status_code == 200, page.status_code
    token = CSRF_RE.search(page.text)
    assert token, "no csrf_token in the login form"
    response = session.post(prod.base_url + "/web/login", timeout=TIMEOUT, data={
        "login": login, "password": password, "csrf_token": token.group(1),
        "redirect": ""})
    assert response.status_code == 200, response.status_code
    assert "Wrong login/password" not in response.text, "login as %r refused" % login
    assert session.cookies.get("session_id"), "no session cookie after logging in"
    return session


def _rpc(session, url, params, timeout=TIMEOUT):
    return session.post(url, timeout=timeout, json={
        "jsonrpc": "2.0", "method": "call", "params": params, "id": 1})


def _access_log(prod):
    with open(prod.access_log, errors="replace") as log:
        return log.read()


def test_prefork_workers_and_longpolling_process(prod):
    """>= 2 HTTP worker processes and a separate longpolling (gevent) process."""
    longpolling = _longpolling_process(prod)
    assert longpolling is not None, _no_longpolling_message(prod)
    assert "gevent" in longpolling.cmdline(), longpolling.cmdline()
    assert longpolling.pid != prod.server.pid

    master = psutil.Process(prod.server.pid)
    children = {child.pid for child in master.children()}
    announced = {int(pid) for pid in re.findall(
        r"Worker WorkerHTTP \((\d+)\) alive", prod.server.log_text())}
    http_workers = announced & children
    assert len(http_workers) >= 2, (
        "expected >= 2 live HTTP workers, log announced %s, master's children %s"
        % (sorted(announced), sorted(children)))
    assert longpolling.pid not in http_workers
    # the longpolling process stays up (a crashing one is respawned by the master)
    time.sleep(1)
    assert longpolling.is_running()
    assert longpolling.pid in {child.pid for child in master.children()}


def test_login_page_through_nginx(prod):
    """GET /web/login through nginx: 200 with the login form."""
    response = requests.get(prod.base_url + "/web/login", timeout=TIMEOUT)
    assert response.status_code == 200
    assert response.headers.get("Server", "").startswith("nginx")
    assert 'class="oe_login_form"' in response.text
    for field in ('name="login"', 'name="password"', 'name="csrf_token"'):
        assert field in response.text, field


def test_login_and_web_client_through_nginx(prod):
    """Log in as the inspector (R2.2) through nginx and load the web client."""
    # proxy mode: a redirect points at the proxy, never at the hidden workers
    anonymous = requests.get(prod.base_url + "/web", timeout=TIMEOUT,
                             allow_redirects=False)
    assert anonymous.status_code in (301, 302, 303), anonymous.status_code
    location = urlparse(anonymous.headers["Location"])
    assert location.path == "/web/login"
    assert location.netloc in ("", "127.0.0.1:%d" % prod.port), \
        anonymous.headers["Location"]

    session = _login(prod)
    response = session.get(prod.base_url + "/web", timeout=TIMEOUT,
                           allow_redirects=False)
    assert response.status_code == 200, response.status_code
    # web_responsive adds its drawer's classes to the body
    assert re.search(r'<body class="[^"]*\bo_web_client\b', response.text)
    info = re.search(r'odoo\.session_info\s*=\s*(\{.*?\});', response.text, re.S)
    assert info and '"username": "%s"' % LOGIN in info.group(1)
    # the backend bundle the page links to comes through nginx too
    bundle = re.search(r'src="(/web/content/[^"]+/web\.assets_backend\.js)"',
                       response.text)
    assert bundle, "no web.assets_backend.js in /web"
    script = session.get(prod.base_url + bundle.group(1), timeout=60)
    assert script.status_code == 200 and len(script.content) > 100000


def test_longpolling_through_nginx(prod):
    """/longpolling/ reaches the longpolling process through nginx, with the session."""
    assert _longpolling_process(prod) is not None, _no_longpolling_message(prod)
    session = _login(prod)
    url = prod.base_url + "/longpolling/poll"

    # 1. the poll of the web client; "peek" makes the bus answer at once
    #    instead of holding the request for its 50 s timeout
    response = _rpc(session, url,
                    {"channels": [], "last": 0, "options": {"peek": True}})
    assert response.status_code == 200, response.status_code
    body = response.json()
    # (an HTTP worker would answer with the error "bus.Bus unavailable")
    assert "error" not in body, body["error"]
    channels = body["result"]["channels"]
    # the mail controller added the user's own channels: the session was recognised
    assert any(isinstance(c, list) and c[1:2] == ["res.partner"] for c in channels), \
        channels

    # 2. a real (non-peek) poll, answered as soon as a notification is there
    channel = "uchaske-prod-test-%s" % uuid.uuid4().hex
    sent = _rpc(session, prod.base_url + "/longpolling/send",
                {"channel": channel, "message": "ping"})
    assert sent.status_code == 200 and "error" not in sent.json(), sent.text
    started = time.monotonic()
    response = _rpc(session, url, {"channels": [channel], "last": 0, "options": {}},
                    timeout=20)
    assert response.status_code == 200
    notifications = response.json()["result"]
    assert [n["message"] for n in notifications if n["channel"] == channel] == ["ping"]
    assert time.monotonic() - started < 15

    # 3. nginx sent these to the longpolling port, the rest to the workers
    log = _access_log(prod)
    polled = re.findall(r"POST /longpolling/poll 200 rt=[\d.]+ upstream=([\d.:]+)", log)
    assert polled and set(polled) == {"127.0.0.1:%d" % prod.longpolling_port}, \
        log[-2000:]
    assert re.search(r"GET /web/login 200 rt=[\d.]+ upstream=127\.0\.0\.1:%d\b"
                     % prod.http_port, log), log


def test_workers_refuse_longpolling(prod):
    """Without the proxy route, the HTTP workers cannot serve the bus.

    This is why production needs nginx to route /longpolling/: polling the
    worker port directly gets the "bus.Bus unavailable" error.
    """
    url = "http://127.0.0.1:%d/longpolling/poll" % prod.http_port
    response = _rpc(requests.Session(), url,
                    {"channels": [], "last": 0, "options": {"peek": True}})
    assert response.status_code == 200
    error = response.json().get("error")
    # the client gets a short error without internals (the RPC shim); the
    # reason is in the server's log
    assert error and "Traceback" not in str(error), response.text
    assert "bus.Bus unavailable" in prod.server.log_text(), "no refusal logged"


def test_database_service_unreachable_through_nginx(prod):
    """The proxy never forwards the database service (docs/security.md)."""
    for path in ("/web/database/manager", "/web/database/selector",
                 "/web/database/backup", "/xmlrpc/2/db", "/xmlrpc/db"):
        response = requests.post(prod.base_url + path, timeout=TIMEOUT, data=b"")
        assert response.status_code == 403, (path, response.status_code)
    forwarded = [line for line in _access_log(prod).splitlines()
                 if "/db " in line or "/web/database/" in line]
    assert forwarded and all("upstream=-" in line for line in forwarded), forwarded


def test_listen_backlog_holds_every_waiting_user(prod):
    """Issue 14, under load: Odoo 11 listens with 8 x workers (16 here); at 50
    simultaneous users the queue overflowed and nginx answered 502/504. The
    workers' socket listens with ``listen_backlog`` (default 1024,
    uchaske_compat/shims/listen_backlog.py); ``ss`` shows it as Send-Q."""
    out = subprocess.run(["ss", "-Hltn", "sport = :%d" % prod.http_port],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out and out[0] == "LISTEN", out
    assert int(out[2]) >= 1024, "listen backlog %s" % out[2]
