"""XML-RPC fixtures: users of each role in two departments, made over RPC on
the server of ``tests/conftest.py::odoo_server``."""
import os
import sys
import time

import pytest

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)
import _servers  # noqa: E402


#: XML-RPC as one user (one class for every suite)
Rpc = _servers.Rpc


@pytest.fixture(scope="session")
def world(odoo_server):
    """Committed fixtures made over RPC by the administrator: two
    departments, a police point and districts each, one user per role
    (password = login). Logins carry a run suffix: the test database may be
    reused between runs."""
    db = _servers.target_db()
    admin = Rpc(odoo_server, db, "admin", "admin")
    tag = "r%d" % int(time.time() * 1000)
    ref = {}

    def group(xmlid):
        module, name = xmlid.split(".")
        return admin.call("ir.model.data", "xmlid_to_res_id", "%s.%s" % (module, name))

    roles = {"assistant": "uchaske_base.group_assistant",
             "inspector": "uchaske_base.group_inspector",
             "responsible": "uchaske_base.group_responsible_inspector",
             "chief": "uchaske_base.group_district_chief"}
    for dep_key in ("1", "2"):
        dep = admin.call("uchaske.department", "create", {
            "name": "RPC department %s %s" % (dep_key, tag), "code": tag + dep_key})
        ref["dep" + dep_key] = dep
        for role, xmlid in roles.items():
            login = "%s_%s%s" % (tag, role, dep_key)
            ref[role + dep_key] = (login, admin.call("res.users", "create", {
                "name": "%s %s" % (role, dep_key), "login": login,
                "password": login, "uchaske_department_id": dep,
                "groups_id": [(6, 0, [group(xmlid)])]},
                context={"no_reset_password": True}))
        post = admin.call("uchaske.post", "create", {
            "number": "1", "department_id": dep,
            "responsible_inspector_id": ref["responsible" + dep_key][1]})
        ref["district" + dep_key] = admin.call("uchaske.district", "create", {
            "name": "RPC district", "number": 1, "department_id": dep,
            "post_id": post, "inspector_id": ref["inspector" + dep_key][1],
            "assistant_ids": [(6, 0, [ref["assistant" + dep_key][1]])]})
    ref["admin"] = admin

    def as_user(key):
        login = ref[key][0]
        return Rpc(odoo_server, db, login, login)

    ref["as_user"] = as_user
    return ref


@pytest.fixture(scope="session")
def attack(world, odoo_server):
    """The attacker tests' world (``_attack``): department 2's names carry
    ``_attack.MARKER``, and ``channel(key, protocol)`` logs a user of
    ``world`` in over XML-RPC or JSON-RPC (one session each)."""
    import _attack  # tests/rpc/_attack.py

    admin = world["admin"]
    marker = _attack.MARKER
    admin.call("uchaske.department", "write", [world["dep2"]],
               {"name": "%s department" % marker})
    admin.call("uchaske.district", "write", [world["district2"]],
               {"name": "%s district" % marker})
    for role in ("assistant", "inspector", "responsible", "chief"):
        admin.call("res.users", "write", [world[role + "2"][1]],
                   {"name": "%s %s" % (marker, role)})
    posts = {key: admin.call("uchaske.district", "read", [world["district" + key]],
                             ["post_id"])[0]["post_id"][0] for key in ("1", "2")}
    channels = {}

    def channel(key, protocol):
        if (key, protocol) not in channels:
            channels[key, protocol] = _attack.Channel(world, odoo_server, key,
                                                      protocol)
        return channels[key, protocol]

    return {"channel": channel, "post1": posts["1"], "post2": posts["2"],
            "admin": admin}


@pytest.fixture(params=[("inspector1", "xmlrpc"), ("inspector1", "jsonrpc"),
                        ("assistant1", "xmlrpc"), ("assistant1", "jsonrpc")],
                ids=lambda param: "-".join(param))
def channel(request, attack):
    """Department 1's inspector and its lower role, the assistant, each
    over XML-RPC and JSON-RPC (``_attack.ATTACKERS`` x ``CHANNELS``)."""
    return attack["channel"](*request.param)
