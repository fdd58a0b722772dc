"""The legal rules are pure Python: importing every module of
``uchaske_rules`` loads no ``odoo`` (issue 9 §6, "no core module imports
odoo"), so the rules are tested here without a database or a server."""
import os
import pkgutil
import subprocess
import sys

import uchaske_rules

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PROBE = """
import importlib, pkgutil, sys
import uchaske_rules
names = sorted(m.name for m in pkgutil.iter_modules(uchaske_rules.__path__))
for name in names:
    importlib.import_module("uchaske_rules." + name)
print(",".join(names))
print(",".join(sorted(m for m in sys.modules if m == "odoo" or m.startswith("odoo."))))
"""


def test_no_rule_module_imports_odoo():
    """Every module, imported in a fresh interpreter, leaves no odoo behind."""
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.splitlines()
    expected = sorted(m.name for m in pkgutil.iter_modules(uchaske_rules.__path__))
    assert out[0].split(",") == expected
    assert "dates" in expected and "supervision" in expected
    assert out[1] == "", "odoo imported by uchaske_rules: %s" % out[1]


def test_importable_outside_the_checkout():
    """The install script makes the package importable from any directory
    (the Odoo server, scripts and tests need not run from the checkout)."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    out = subprocess.run(
        [sys.executable, "-c", "import uchaske_rules; print(uchaske_rules.__file__)"],
        cwd="/", env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith(os.path.join("uchaske_rules", "__init__.py"))
