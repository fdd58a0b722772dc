"""Attacker tests of the developers' guide, shared by the
``test_attack_*_rpc.py`` files: a user of the other department and a lower
role, as real logins over XML-RPC and JSON-RPC, try to read, search, write,
delete, create pointing at records out of their sight, fire transitions
their role may not fire and pass ids of foreign files (R2.3, R7, R16).
Every refusal is short, clean (``_clean``), names the field where there is
one, and says nothing of department 2 (every value of department 2 carries
:data:`MARKER`); nothing is written (checked as the administrator).

One helper per kind of attack; each takes a :class:`Channel` (one attacker
over one protocol), so that a test file lists its models once and
parametrizes them over :data:`CHANNELS` x :data:`ATTACKERS`."""
import base64
import xmlrpc.client

from _rpc_client import WebSession, _clean

#: in every name and value department 2 owns: never in an error of dept 1
MARKER = "Zdept2"
CHANNELS = ("xmlrpc", "jsonrpc")
#: department 1's inspector and the lower role, its assistant (R2.3)
ATTACKERS = ("inspector1", "assistant1")
#: an access refusal that names no field: the model is closed to the role
#: as a whole (access rights), or the record to the user (record rules)
ACCESS = ("not allowed to create", "security restrictions")


class Channel:
    """One user over one protocol. ``ok`` returns the result of a call that
    must succeed, ``fault`` the clean error text of a call that must fail."""

    def __init__(self, world, url, key, protocol):
        self.key, self.protocol = key, protocol
        self.uid = world[key][1]
        if protocol == "xmlrpc":
            self.rpc = world["as_user"](key)
        else:
            self.web = WebSession(url, world[key][0])

    def __repr__(self):
        return "%s/%s" % (self.key, self.protocol)

    def ok(self, model, method, *args, **kwargs):
        if self.protocol == "xmlrpc":
            return self.rpc.call(model, method, *args, **kwargs)
        return self.web.call(model, method, list(args), **kwargs)

    def fault(self, model, method, *args, **kwargs):
        if self.protocol == "jsonrpc":
            text = self.web.error(model, method, list(args), **kwargs)
        else:
            try:
                result = self.rpc.call(model, method, *args, **kwargs)
            except xmlrpc.client.Fault as fault:
                text = _clean(fault.faultString)
            else:
                raise AssertionError("%s %s.%s%r was not refused: %r" % (
                    self, model, method, args, result))
        assert MARKER not in text, "%s: %r tells of department 2" % (self, text)
        return text


def foreign_file(rpc, model, record_id):
    """A file of department 2 on its record ``record_id``, uploaded by
    ``rpc`` (a user of department 2)."""
    return rpc.call("ir.attachment", "create", {
        "name": "%s-verdict.pdf" % MARKER, "datas_fname": "%s.pdf" % MARKER,
        "datas": base64.b64encode(b"%PDF-1.4 " + MARKER.encode()).decode(),
        "res_model": model, "res_id": record_id})


def _refused(text, label):
    """``label`` (a field's name) in the refusal, or, for ``None``, an
    access refusal of the whole model."""
    expected = ACCESS if label is None else (label,)
    assert any(part in text for part in expected), \
        "expected %r in %r" % (expected, text)


# -- department 2's records ---------------------------------------------


def attack_read(channel, model, record_id):
    """Reading another department's record: refused, nothing told; its
    name (Odoo's name_get reads nothing without a name field) tells
    nothing of department 2 either."""
    channel.fault(model, "read", [record_id], ["display_name"])
    try:
        names = channel.ok(model, "name_get", [record_id])
    except (AssertionError, xmlrpc.client.Fault):
        return
    assert MARKER not in repr(names), names


def attack_search(channel, model, record_id, department_id):
    """search, search_count, search_read, read_group: nothing of department
    2, neither by its id nor by its department."""
    for domain in ([("id", "=", record_id)],
                   [("department_id", "=", department_id)]):
        assert channel.ok(model, "search", domain) == []
        assert channel.ok(model, "search_count", domain) == 0
        assert channel.ok(model, "search_read", domain, ["display_name"]) == []
    groups = channel.ok(model, "read_group", [], ["department_id"],
                        ["department_id"])
    assert department_id not in [
        (group["department_id"] or [None])[0] for group in groups], groups


def attack_change(channel, admin, model, record_id, vals):
    """write and unlink of department 2's record: refused, unchanged."""
    before = admin.call(model, "read", [record_id], list(vals))
    channel.fault(model, "write", [record_id], vals)
    channel.fault(model, "unlink", [record_id])
    assert admin.call(model, "read", [record_id], list(vals)) == before


def attack_create(channel, admin, model, vals, label):
    """A record pointing at department 2's (district, police point,
    record, user): refused naming ``label``; nothing created."""
    count = admin.call(model, "search_count", [])
    _refused(channel.fault(model, "create", vals), label)
    assert admin.call(model, "search_count", []) == count


def attack_attachment(channel, admin, model, record_id, field, label, file_id):
    """Department 2's file in an attachment input of one's own record:
    refused naming the field; the file stays where it was."""
    where = admin.call("ir.attachment", "read", [file_id], ["res_model", "res_id"])
    before = admin.call(model, "read", [record_id], [field])
    _refused(channel.fault(model, "write", [record_id],
                           {field: [(6, 0, [file_id])]}), label)
    _refused(channel.fault(model, "write", [record_id],
                           {field: [(4, file_id)]}), label)
    assert admin.call(model, "read", [record_id], [field]) == before
    assert admin.call("ir.attachment", "read", [file_id],
                      ["res_model", "res_id"]) == where


def attack_message_files(channel, admin, model, record_id, file_id):
    """Department 2's file posted in the chatter of one's own record:
    refused; the file stays where it was and no message carries it."""
    where = admin.call("ir.attachment", "read", [file_id], ["res_model", "res_id"])
    _refused(channel.fault(model, "message_post", [record_id], body="see file",
                           attachment_ids=[file_id]), "Attachments")
    assert admin.call("ir.attachment", "read", [file_id],
                      ["res_model", "res_id"]) == where
    assert admin.call("mail.message", "search_count",
                      [("attachment_ids", "in", [file_id])]) == 0


# -- the workflow (R2.3, R16) -----------------------------------------------


def _trail(admin, model, record_id):
    return (admin.call(model, "read", [record_id], ["state"])[0]["state"],
            admin.call("uchaske.workflow.history", "search_count", [
                ("res_model", "=", model), ("res_id", "=", record_id)]))


def attack_transition(channel, admin, model, record_id, code, values=None,
                      expect=None):
    """A transition the user may not fire: refused (``expect`` in the
    message when given), state unchanged, no history row."""
    before = _trail(admin, model, record_id)
    text = channel.fault(model, "wf_apply", [record_id], code,
                         values=values or {})
    if expect:
        assert expect in text, text
    assert _trail(admin, model, record_id) == before
    return text


def attack_state_write(channel, admin, model, record_id, state):
    """The state written around the engine: refused, even with a forged
    engine token in the context; no history row."""
    before = _trail(admin, model, record_id)
    for context in ({}, {"uchaske_wf_token": True}):
        channel.fault(model, "write", [record_id], {"state": state},
                      context=context)
    assert _trail(admin, model, record_id) == before
