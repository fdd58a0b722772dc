"""What the RPC suites share: the refusal of a call over XML-RPC, the check
that an error text is clean (short, no traceback, no server internals) and
a JSON-RPC session of the web client (/web/dataset/call_kw) as one user."""
import json
import xmlrpc.client

import pytest
import requests

import _servers

#: what must never reach a client in an error
LEAKS = ("Traceback", "/site-packages/", "psycopg2", "File \"", "INSERT INTO",
         "SELECT ", "DETAIL", "Failing row", "odoo/")


def _fault(call):
    """The fault string of an XML-RPC call that must fail."""
    with pytest.raises(xmlrpc.client.Fault) as info:
        call()
    return info.value.faultString


def _clean(text, limit=300):
    """``text`` after checking it leaks nothing of the server and is short."""
    for leak in LEAKS:
        assert leak not in text, "%r leaks %r" % (text, leak)
    assert len(text) < limit, text
    return text


class WebSession:
    """JSON-RPC (/web/dataset/call_kw) as one user, logged in on /web."""

    def __init__(self, url, login):
        self.url = url
        self.session = requests.Session()
        body = self._post("/web/session/authenticate", {
            "db": _servers.target_db(), "login": login, "password": login})
        assert body.get("result", {}).get("uid"), body

    def _post(self, path, params):
        response = self.session.post(self.url + path, timeout=30, json={
            "jsonrpc": "2.0", "method": "call", "params": params, "id": 1})
        assert response.status_code == 200, response.status_code
        return response.json()

    def call(self, model, method, args, **kwargs):
        """The result of a call that must succeed."""
        body = self._post("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs})
        assert "error" not in body, body
        return body["result"]

    def error(self, model, method, args, **kwargs):
        """The JSON error of a call that must fail."""
        body = self._post("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs})
        assert "error" in body, body
        _clean(json.dumps(body["error"], ensure_ascii=False), limit=1000)
        assert not body["error"]["data"]["debug"]
        return _clean(body["error"]["data"]["message"])
