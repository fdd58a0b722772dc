"""Odoo 11 sends the server's traceback to RPC clients.

Over XML-RPC (``odoo.service.wsgi_server.xmlrpc_handle_exception_int`` and
``_string``) every exception that is not a UserError, AccessError,
MissingError or AccessDenied goes out as its formatted traceback: a
ValidationError (not a UserError in 11), a psycopg2 error (with the SQL, the
server's paths and, for a NOT NULL violation, the failing row's values), a
ValueError for a bad selection value, ``Expected singleton``. Over JSON-RPC
(``odoo.http.serialize_exception``) every error carries the traceback in
``debug``. ``odoo.service.model.check``, the decorator both paths run a call
through, turns only some IntegrityErrors into messages (and fails on the others
with ``inst[0]``, which Python 3 exceptions do not support).

The shim closes this at the RPC boundary, three small patches:

1. the function ``check`` decorates (XML-RPC's ``execute``, the HTTP layer's
   ``checked_call``) runs in a guard that turns a database error (psycopg2)
   or an unexpected Python error (ValueError, TypeError, KeyError, ...) into a
   UserError with a short message in the user's language: "<field>: a value
   is required.", "<field>: this value is already used.", "A value has the
   wrong type or is out of range.", ... Concurrency errors still reach
   ``check``, which retries them. The original goes to the server log with
   its traceback.
2. the two XML-RPC fault builders send the message of every Odoo exception
   (the ``except_orm`` family, ValidationError included) and one generic line
   for anything else: never a stack.
3. ``serialize_exception`` sends no ``debug`` (traceback) and, for an error
   that is not Odoo's, the generic line instead of its text.

The messages are looked up in the ``code`` translations of the database (the
Russian and Kazakh ones ship in ``uchaske_base``'s i18n), in the language of
the call's context, else the user's.
"""
import importlib
import logging
import re
from functools import wraps

_logger = logging.getLogger(__name__)

MSG_REQUIRED = "%(field)s: a value is required."
MSG_UNIQUE = "%(field)s: this value is already used by another record."
MSG_DUPLICATE = "This record would duplicate another one."
MSG_MISSING_REFERENCE = "%(field)s: the record does not exist."
MSG_STILL_REFERENCED = "The record is still referred to by other records."
MSG_CHECK = "A value is outside what is allowed."
MSG_DATA = "A value has the wrong type or is out of range."
MSG_INVALID = ("The request could not be processed: an input is invalid. "
               "The details are in the server log.")
MSG_INTERNAL = ("The server could not process the request. "
                "The details are in the server log.")
MESSAGES = (MSG_REQUIRED, MSG_UNIQUE, MSG_DUPLICATE, MSG_MISSING_REFERENCE,
            MSG_STILL_REFERENCED, MSG_CHECK, MSG_DATA, MSG_INVALID, MSG_INTERNAL)

#: Python errors that, reaching the RPC boundary, mean bad input or a bug:
#: never shown as such to the client
PYTHON_ERRORS = (ValueError, TypeError, LookupError, AttributeError,
                 AssertionError, ArithmeticError, RecursionError)

_KEY_COLUMN = re.compile(r"Key \(([a-z0-9_]+)\)")


def _odoo():
    return importlib.import_module("odoo")


def _is_converted(exc):
    """True for the errors the guard turns into a clean UserError."""
    import psycopg2
    model = importlib.import_module("odoo.service.model")
    if isinstance(exc, psycopg2.OperationalError) and \
            exc.pgcode in model.PG_CONCURRENCY_ERRORS_TO_RETRY:
        return False  # check() retries the transaction
    return isinstance(exc, (psycopg2.Error,) + PYTHON_ERRORS)


def _context_lang(kwargs):
    """The language in the call's context, read before the call (Odoo pops
    the context out of the keyword arguments)."""
    ctx = kwargs.get("context")
    if not isinstance(ctx, dict) and isinstance(kwargs.get("kwargs"), dict):
        ctx = kwargs["kwargs"].get("context")  # /web/dataset/call_kw
    return ctx.get("lang") if isinstance(ctx, dict) else None


def _call_lang(cr, args, lang):
    """The language of the call: its context's, else the user's."""
    uid = None
    try:
        request = _odoo().http.request
        lang = lang or request.context.get("lang")
        uid = request.uid
    except (RuntimeError, AttributeError):
        if args and isinstance(args[0], int):
            uid = args[0]  # XML-RPC: execute(db, uid, model, method, ...)
    if not lang and uid:
        cr.execute("SELECT p.lang FROM res_users u JOIN res_partner p "
                   "ON p.id = u.partner_id WHERE u.id = %s", (uid,))
        row = cr.fetchone()
        lang = row and row[0]
    return lang or "en_US"


def _field_label(env, table, column):
    """The translated label of the field stored in ``table.column``."""
    if not (table and column):
        return column or "?"
    for model in env.registry.models.values():
        if model._table == table and not model._abstract and \
                column in model._fields:
            return model._fields[column]._description_string(env) or column
    return column


def _describe(exc, env, translate):
    """The short message for ``exc`` (translated with ``translate``)."""
    import psycopg2
    from psycopg2 import errorcodes
    if isinstance(exc, psycopg2.IntegrityError):
        diag = exc.diag
        table, constraint = diag.table_name, diag.constraint_name
        detail = diag.message_detail or ""
        sql_errors = env.registry._sql_error
        if constraint and constraint in sql_errors:
            source = sql_errors[constraint]
            return translate(source, "sql_constraint") or source
        key = _KEY_COLUMN.search(detail)
        if exc.pgcode == errorcodes.NOT_NULL_VIOLATION:
            return translate(MSG_REQUIRED) % {
                "field": _field_label(env, table, diag.column_name)}
        if exc.pgcode == errorcodes.UNIQUE_VIOLATION:
            if key and "," not in key.group(1):
                return translate(MSG_UNIQUE) % {
                    "field": _field_label(env, table, key.group(1))}
            return translate(MSG_DUPLICATE)
        if exc.pgcode == errorcodes.FOREIGN_KEY_VIOLATION:
            if "is not present" in detail and key:
                return translate(MSG_MISSING_REFERENCE) % {
                    "field": _field_label(env, table, key.group(1))}
            return translate(MSG_STILL_REFERENCED)
        return translate(MSG_CHECK)
    if isinstance(exc, psycopg2.DataError):
        return translate(MSG_DATA)
    if isinstance(exc, psycopg2.Error):
        return translate(MSG_INTERNAL)
    return translate(MSG_INVALID)


def clean_message(exc, dbname, args=(), lang=None):
    """The message the client gets for ``exc``, in ``lang`` (else the
    user's language).

    A new cursor reads the translations: the call's own one is aborted
    after a database error."""
    odoo = _odoo()
    from odoo.tools.translate import translate as lookup
    try:
        with odoo.registry(dbname).cursor() as cr:
            lang = _call_lang(cr, args, lang)
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": lang})

            def translate(source, kind="code"):
                if lang == "en_US":
                    return source
                return lookup(cr, False, kind, lang, source) or source

            return _describe(exc, env, translate)
    except Exception:  # the message must not fail in turn
        _logger.exception("could not build the message for %r", exc)
        return MSG_INTERNAL


def guard(function):
    """Wrap a function ``check`` decorates (see the module docstring, 1)."""
    @wraps(function)
    def guarded(dbname, *args, **kwargs):
        lang = _context_lang(kwargs)
        try:
            return function(dbname, *args, **kwargs)
        except Exception as exc:  # noqa: B902 - filtered just below
            if not _is_converted(exc):
                raise
            level = logging.WARNING if not isinstance(exc, PYTHON_ERRORS) \
                else logging.ERROR
            _logger.log(level, "RPC call failed; the client gets a short "
                               "message. Original error:", exc_info=True)
            message = clean_message(exc, dbname, args, lang)
        raise _odoo().exceptions.UserError(message)
    guarded._uchaske_guarded = True
    return guarded


def _fault_text(exc):
    """(is it Odoo's own refusal, its text) for a fault or JSON error."""
    exceptions = _odoo().exceptions
    if isinstance(exc, exceptions.except_orm):
        return True, str(exc.name)
    if isinstance(exc, (exceptions.AccessDenied, exceptions.RedirectWarning)):
        return True, str(exc.args[0] if exc.args else exc)
    return False, MSG_INTERNAL


def apply():
    odoo = importlib.import_module("odoo")
    model = importlib.import_module("odoo.service.model")
    wsgi_server = importlib.import_module("odoo.service.wsgi_server")
    http = importlib.import_module("odoo.http")
    if getattr(model.check, "_uchaske_guarded", False):
        return
    xmlrpclib = wsgi_server.xmlrpclib
    original_check = model.check

    def check(function):
        return original_check(guard(function))
    check._uchaske_guarded = True
    model.check = check
    # execute() was decorated when odoo.service.model was imported
    model.execute = check(model.execute.__wrapped__)

    def xmlrpc_handle_exception_int(exc):
        known, text = _fault_text(exc)
        if not known:
            _logger.error("XML-RPC error, not sent to the client:", exc_info=exc)
        if isinstance(exc, odoo.exceptions.AccessDenied):
            code = wsgi_server.RPC_FAULT_CODE_ACCESS_DENIED
        elif isinstance(exc, odoo.exceptions.AccessError):
            code = wsgi_server.RPC_FAULT_CODE_ACCESS_ERROR
        elif known:
            code = wsgi_server.RPC_FAULT_CODE_WARNING
        else:
            code = wsgi_server.RPC_FAULT_CODE_APPLICATION_ERROR
        return xmlrpclib.dumps(xmlrpclib.Fault(code, text), allow_none=None)

    def xmlrpc_handle_exception_string(exc):
        known, text = _fault_text(exc)
        if not known:
            _logger.error("XML-RPC error, not sent to the client:", exc_info=exc)
        if isinstance(exc, odoo.exceptions.AccessDenied):
            fault = xmlrpclib.Fault("AccessDenied", text)
        elif known:
            fault = xmlrpclib.Fault("warning -- %s\n\n%s" % (
                type(exc).__name__, text), "")
        else:
            fault = xmlrpclib.Fault(text, "")
        return xmlrpclib.dumps(fault, allow_none=None, encoding=None)

    original_serialize = http.serialize_exception

    def serialize_exception(exc):
        data = original_serialize(exc)
        data["debug"] = ""
        known, text = _fault_text(exc)
        passes = known or isinstance(exc, http.SessionExpiredException) or \
            data["name"].startswith("werkzeug.")
        if not passes:
            data["message"] = text
            data["arguments"] = (text,)
        elif known:
            data["message"] = text
        return data

    wsgi_server.xmlrpc_handle_exception_int = xmlrpc_handle_exception_int
    wsgi_server.xmlrpc_handle_exception_string = xmlrpc_handle_exception_string
    http.serialize_exception = serialize_exception
