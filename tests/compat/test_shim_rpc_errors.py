"""The rpc_errors shim: no traceback leaves the server (issue 8, "clear
errors, never a traceback"); the end-to-end checks over a real server are
in ``tests/rpc/test_rpc_errors.py``."""
import xmlrpc.client

import psycopg2
import pytest

from uchaske_compat.shims import rpc_errors


def _raised(exc):
    """``exc`` with its traceback, as the handlers see it."""
    try:
        raise exc
    except Exception as caught:  # noqa: B902
        return caught


def _fault(dumped):
    with pytest.raises(xmlrpc.client.Fault) as info:
        xmlrpc.client.loads(dumped)
    return info.value


def test_shim_patches_the_three_exits():
    import odoo.http
    import odoo.service.model
    import odoo.service.wsgi_server as wsgi_server
    execute = odoo.service.model.execute
    assert odoo.service.model.check._uchaske_guarded
    # XML-RPC's execute (decorated at import) runs in the guard, once
    assert execute.__wrapped__._uchaske_guarded
    assert not hasattr(execute.__wrapped__.__wrapped__, "_uchaske_guarded")
    assert wsgi_server.xmlrpc_handle_exception_int.__module__ == rpc_errors.__name__
    assert odoo.http.serialize_exception.__module__ == rpc_errors.__name__
    rpc_errors.apply()  # idempotent
    assert odoo.service.model.execute is execute


def test_validation_error_goes_out_as_its_message():
    from odoo.exceptions import ValidationError
    import odoo.service.wsgi_server as wsgi_server
    exc = _raised(ValidationError("Number: the value cannot be negative."))
    fault = _fault(wsgi_server.xmlrpc_handle_exception_int(exc))
    assert fault.faultCode == wsgi_server.RPC_FAULT_CODE_WARNING
    assert fault.faultString == "Number: the value cannot be negative."
    fault = _fault(wsgi_server.xmlrpc_handle_exception_string(exc))
    assert "Traceback" not in fault.faultCode + fault.faultString
    assert "Number: the value cannot be negative." in fault.faultCode


def test_other_errors_go_out_as_one_generic_line():
    import odoo.http
    import odoo.service.wsgi_server as wsgi_server
    exc = _raised(ValueError("Expected singleton: uchaske.person(7, 9)"))
    for handler in (wsgi_server.xmlrpc_handle_exception_int,
                    wsgi_server.xmlrpc_handle_exception_string):
        fault = _fault(handler(exc))
        text = "%s %s" % (fault.faultCode, fault.faultString)
        assert "Traceback" not in text and "uchaske.person" not in text
        assert rpc_errors.MSG_INTERNAL in text
    data = odoo.http.serialize_exception(exc)
    assert data["debug"] == ""
    assert data["message"] == rpc_errors.MSG_INTERNAL
    assert data["arguments"] == (rpc_errors.MSG_INTERNAL,)


def test_json_errors_keep_odoos_own_kinds_without_debug():
    import odoo.http
    from odoo.exceptions import AccessError
    data = odoo.http.serialize_exception(_raised(AccessError("Person: no.")))
    assert (data["exception_type"], data["message"], data["debug"]) == (
        "access_error", "Person: no.", "")
    expired = odoo.http.serialize_exception(
        _raised(odoo.http.SessionExpiredException("Session expired")))
    assert expired["name"] == "odoo.http.SessionExpiredException"
    assert expired["debug"] == ""


def test_guard_converts_python_and_database_errors_only(monkeypatch):
    from odoo.exceptions import UserError, ValidationError
    monkeypatch.setattr(rpc_errors, "clean_message",
                        lambda exc, dbname, args=(), lang=None: "clean:%s" % lang)

    def call(exc):
        def function(dbname, *args, **kwargs):
            kwargs.pop("context", None)  # as Odoo's call_kw does
            raise exc
        return rpc_errors.guard(function)

    with pytest.raises(UserError) as info:
        call(ValueError("Expected singleton"))("db", 2, context={"lang": "kk_KZ"})
    assert info.value.name == "clean:kk_KZ"
    with pytest.raises(UserError) as info:
        call(psycopg2.DataError("integer out of range"))("db", kwargs={})
    assert info.value.name == "clean:None"
    # Odoo's own refusals pass unchanged
    with pytest.raises(ValidationError) as info:
        call(ValidationError("Grounds: wrong."))("db")
    assert info.value.name == "Grounds: wrong."
