"""The security shims (docs/security.md): each test replays the attack.

- sandbox_modules (CVE-2020-29396): ``datetime.sys`` escapes ``safe_eval``
  and the Jinja sandbox of mail templates;
- db_service: the ``db`` service and the master password when ``list_db`` is
  off (``db.list_countries`` as an unauthenticated password oracle,
  ``db.db_exist`` revealing database names);
- admin_passwd: the master password comes from a generated secret, hashed;
- prodcheck: the production start refuses a clear-text master password.
"""
import datetime
import os
import stat
import sys
import types

import jinja2.sandbox
import pytest

from uchaske_compat import prodcheck
from uchaske_compat.shims import admin_passwd

ESCAPE = "datetime.sys.modules['os'].getcwd()"


# --- sandbox_modules: CVE-2020-29396 ---------------------------------------

def test_safe_eval_datetime_escape_refused():
    from odoo.tools.safe_eval import safe_eval
    # the context ir.actions, base_automation and custom fields pass
    with pytest.raises(Exception) as caught:
        safe_eval(ESCAPE, {"datetime": datetime})
    assert os.getcwd() not in str(caught.value)
    with pytest.raises(Exception):
        safe_eval("datetime.sys", {}, {"datetime": datetime})
    code = "result = datetime.sys.modules['os'].getcwd()"
    ctx = {"datetime": datetime}
    with pytest.raises(Exception):
        safe_eval(code, ctx, mode="exec", nocopy=True)
    assert "result" not in ctx


def test_safe_eval_datetime_still_usable():
    from odoo.tools.safe_eval import safe_eval
    ctx = {"datetime": datetime}
    assert safe_eval("datetime.date(2026, 1, 2) + datetime.timedelta(days=1)",
                     ctx) == datetime.date(2026, 1, 3)
    assert safe_eval("datetime.datetime(2026, 1, 2, 3, 4).strftime('%H:%M')",
                     ctx) == "03:04"
    assert safe_eval("datetime.MAXYEAR", ctx) == datetime.MAXYEAR


def test_no_module_holds_the_unpatched_safe_eval():
    from odoo.tools.safe_eval import safe_eval
    original = safe_eval._uchaske_original
    holders = [name for name, module in list(sys.modules.items())
               if any(value is original
                      for value in list(getattr(module, "__dict__", {}).values()))]
    assert holders == []
    import odoo.tools.convert
    assert odoo.tools.convert.s_eval is safe_eval


def test_jinja_sandbox_refuses_modules():
    env = jinja2.sandbox.SandboxedEnvironment(
        variable_start_string="${", variable_end_string="}")
    env.globals["datetime"] = datetime  # as mail_template's environment
    with pytest.raises(Exception):
        env.from_string("${%s}" % ESCAPE).render()
    holder = types.SimpleNamespace(os=os)
    with pytest.raises(Exception):
        env.from_string("${obj.os.getcwd()}").render(obj=holder)
    assert env.from_string("${datetime.date(2026, 1, 2)}").render() == "2026-01-02"


def test_mail_template_environment_refuses_the_escape():
    from odoo.addons.mail.models import mail_template
    template = mail_template.mako_template_env.from_string("${%s}" % ESCAPE)
    with pytest.raises(Exception):
        template.render({})


# --- db_service -------------------------------------------------------------

@pytest.fixture
def master(monkeypatch):
    """A known master password in the running config."""
    import odoo
    from odoo.tools.config import crypt_context
    monkeypatch.setitem(odoo.tools.config.options, "admin_passwd",
                        crypt_context.hash("known-master-secret"))
    return "known-master-secret"


def test_db_service_closed_without_list_db(master, monkeypatch):
    import odoo
    from odoo.exceptions import AccessDenied
    from odoo.service import db
    monkeypatch.setitem(odoo.tools.config.options, "list_db", False)
    for method, params in (("list_countries", [master]),
                           ("list_countries", ["wrong"]),
                           ("db_exist", ["uchaske_test"]),
                           ("list", []), ("list_lang", []),
                           ("dump", [master, "uchaske_test", "zip"]),
                           ("drop", [master, "uchaske_test"])):
        with pytest.raises(AccessDenied):
            db.dispatch(method, params)
    assert db.dispatch("server_version", []) == odoo.release.version
    # /web/database/backup, /restore and res.users.check_super use this
    with pytest.raises(AccessDenied):
        db.check_super(master)
    assert odoo.tools.config.verify_admin_password(master) is False


def test_db_service_kept_with_list_db(master, monkeypatch):
    import odoo
    from odoo.exceptions import AccessDenied
    from odoo.service import db
    monkeypatch.setitem(odoo.tools.config.options, "list_db", True)
    assert db.dispatch("list_countries", [master])
    with pytest.raises(AccessDenied):
        db.dispatch("list_countries", ["uchaske-admin"])


# --- admin_passwd -----------------------------------------------------------

def test_no_master_password_in_git():
    import configparser
    conf = configparser.RawConfigParser()
    conf.read("odoo.conf")
    assert not conf.has_option("options", "admin_passwd")


def test_generated_secret(tmp_path):
    path = str(tmp_path / "secrets" / "admin_passwd")
    secret = admin_passwd.ensure_secret(path)
    assert len(secret) >= 32
    assert admin_passwd.ensure_secret(path) == secret
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_config_holds_a_hash_of_the_generated_secret(monkeypatch):
    import odoo
    from odoo.tools.config import crypt_context
    stored = odoo.tools.config["admin_passwd"]
    assert admin_passwd.is_hash(stored), "odoo.conf parsed: admin_passwd %r" % stored
    secret = admin_passwd.read_secret(os.environ[admin_passwd.ENV_FILE])
    assert crypt_context.verify(secret, stored)
    for guess in ("admin", "uchaske-admin", ""):
        assert not crypt_context.verify(guess, stored)


def test_effective_admin_passwd(tmp_path):
    from odoo.tools.config import crypt_context
    path = str(tmp_path / "admin_passwd")
    secret = admin_passwd.ensure_secret(path)
    for unset in (None, False, "", "admin"):
        value = admin_passwd.effective_admin_passwd(unset, path)
        assert crypt_context.verify(secret, value)
    clear = admin_passwd.effective_admin_passwd("written-in-clear", path)
    assert admin_passwd.is_hash(clear)
    assert crypt_context.verify("written-in-clear", clear)
    assert admin_passwd.effective_admin_passwd(clear, path) == clear
    # no secret file: no master password at all (Odoo refuses an empty one)
    assert admin_passwd.effective_admin_passwd("admin", str(tmp_path / "none")) == ""


def test_prodcheck(tmp_path):
    bad = tmp_path / "bad.conf"
    bad.write_text("[options]\nadmin_passwd = uchaske-admin\nlist_db = True\n")
    assert len(prodcheck.problems(str(bad))) == 2
    assert prodcheck.main([str(bad)]) == 1
    good = tmp_path / "good.conf"
    good.write_text("[options]\nadmin_passwd = %s\nlist_db = False\n"
                    % prodcheck.hash_password("a-long-master-password"))
    assert prodcheck.problems(str(good)) == []
    assert prodcheck.problems("odoo.conf") == []


def test_rpc_denylist_names_internal_methods_only():
    """CVE-2018-15645 and template rendering: internal methods are refused
    over RPC; ordinary methods are not."""
    from uchaske_compat.shims import rpc_denylist

    assert rpc_denylist.is_denied("mail.template", "render_template")
    assert rpc_denylist.is_denied("uchaske.registry.case", "message_process")
    assert rpc_denylist.is_denied("res.partner", "message_new")
    assert not rpc_denylist.is_denied("mail.template", "read")
    assert not rpc_denylist.is_denied("res.partner", "render_template")
    assert not rpc_denylist.is_denied("uchaske.registry.case", "wf_apply")
