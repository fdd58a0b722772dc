"""safe_eval under Python 3.11: what Odoo 11 allowed still works, what it
refused on Python 3.7 is still refused (the safe_eval opcode shim)."""
import sys

import pytest

from odoo.tools.safe_eval import const_eval, expr_eval, safe_eval
from uchaske_compat.shims import safe_eval_opcodes

REFUSED = (ValueError, NameError, SyntaxError, TypeError)


# -- what must keep working ---------------------------------------------

@pytest.mark.parametrize("expr, expected", [
    ("[('state', '=', 'draft'), ('user_id', 'in', [1, 2])]",
     [("state", "=", "draft"), ("user_id", "in", [1, 2])]),
    ("{'a': 1, 'b': [1, 2, 3], 'c': (4,)}", {"a": 1, "b": [1, 2, 3], "c": (4,)}),
    ("{1, 2}", {1, 2}),
    ("-1", -1),
])
def test_const_eval_literals(expr, expected):
    assert const_eval(expr) == expected


def test_const_eval_refuses_operations():
    # (1 + 2 would be constant-folded by the compiler, on 3.7 as on 3.11)
    with pytest.raises(ValueError):
        const_eval("[1] + [2]")


def test_expr_eval_arithmetic():
    assert expr_eval("(1 + 2) * 3 - 4 // 3 % 5") == 8
    assert expr_eval("[1, 2] * 2") == [1, 2, 1, 2]
    assert expr_eval("1 in (1, 2)") is True
    assert expr_eval("3 not in [1]") is True
    assert expr_eval("(1, 2) is not None") is True
    with pytest.raises(ValueError):  # boolean jumps were SAFE-only on 3.7 too
        expr_eval("[1] and [2]")
    with pytest.raises(ValueError):
        expr_eval("x")


def test_safe_eval_typical_odoo_expressions():
    ctx = {"uid": 7, "context": {"lang": "kk_KZ"}, "record": {"state": "draft"},
           "user": type("U", (), {"id": 7, "name": "x"})()}
    assert safe_eval("[('user_id', '=', uid)]", ctx) == [("user_id", "=", 7)]
    assert safe_eval("context.get('lang', 'en_US')", ctx) == "kk_KZ"
    assert safe_eval("user.id if user else False", ctx) == 7
    assert safe_eval(
        "record['state'] is not None and record['state'] in ('draft',)", ctx)
    assert safe_eval("[x * 2 for x in range(3) if x]", {}) == [2, 4]
    assert safe_eval("dict(a=1, **{'b': 2})", {}) == {"a": 1, "b": 2}
    assert safe_eval("sorted(set([3, 1]))", {"sorted": sorted}) == [1, 3]
    assert safe_eval("'/web%s#id=%s' % ('?debug', 4)", {}) == "/web?debug#id=4"
    assert safe_eval("(lambda q: q + 1)(2)", {}) == 3
    assert safe_eval("sum(x for x in [1, 2, 3])", {}) == 6
    assert safe_eval("{k: v for k, v in [(1, 2)]}", {}) == {1: 2}


def test_safe_eval_exec_mode_statements():
    ctx = {"result": None, "values": []}
    safe_eval(
        "total = 0\n"
        "for i in range(4):\n"
        "    if i == 2:\n"
        "        continue\n"
        "    total += i\n"
        "while total > 3:\n"
        "    total -= 1\n"
        "try:\n"
        "    values.append(1 // 0)\n"
        "except Exception:\n"
        "    values.append('caught')\n"
        "result = total\n",
        ctx, mode="exec", nocopy=True)
    assert ctx["result"] == 3 and ctx["values"] == ["caught"]


# -- what must stay refused (as on Python 3.7) ---------------------------

ESCAPES = [
    "__import__('os').system('true')",
    "().__class__.__bases__[0].__subclasses__()",
    "''.__class__.__mro__[1].__subclasses__()",
    "(lambda: 0).__code__",
    "(lambda: 0).__globals__",
    "[c for c in ().__class__.__base__.__subclasses__()]",
    "(x for x in ()).gi_frame.f_globals",
    "(lambda f: f.f_globals)",
    "getattr((), '__class__')",
    "getattr(x, '__' + 'class__')",
    "open('/etc/passwd').read()",
    "eval('1')",
    "exec('x = 1')",
    "compile('1', '', 'eval')",
    "globals()",
    "vars()",
    "type(())",
    "__builtins__",
    "[y for y in [1]].__class__",
    "{'a': 1}.__class__.__init__.__globals__",
    "func_globals",
]


@pytest.mark.parametrize("expr", ESCAPES)
def test_refused_expressions(expr):
    with pytest.raises(REFUSED):
        safe_eval(expr, {"x": 1})


STATEMENTS = [
    "import os",
    "from os import path",
    "import math as os",
    "x.y = 1",
    "del x.y",
    "global g\ng = 1",
    "def f():\n    global g\n    g = 1\nf()",
    "class A:\n    pass",
    "with open('/etc/passwd') as f:\n    pass",
    "def outer():\n    v = 1\n    def inner():\n        return v\n"
    "    return inner\nouter()",
]


@pytest.mark.parametrize("code", STATEMENTS)
def test_refused_statements(code):
    ctx = {"x": type("O", (), {})()}
    with pytest.raises(REFUSED):
        safe_eval(code, ctx, mode="exec", nocopy=True)
    assert not hasattr(ctx["x"], "y")


def test_import_of_non_whitelisted_module_refused_at_runtime():
    # IMPORT_NAME is refused before any code runs, and the builtins'
    # __import__ only knows the three modules Odoo 11 whitelisted
    with pytest.raises(REFUSED):
        safe_eval("__import__('subprocess')")


def test_forbidden_opcodes_never_added():
    from opcode import opmap
    module = sys.modules["odoo.tools.safe_eval"]
    for name in safe_eval_opcodes.FORBIDDEN:
        if name in opmap:
            assert opmap[name] not in module._SAFE_OPCODES, name


def test_additions_are_documented_and_layered():
    module = sys.modules["odoo.tools.safe_eval"]
    from opcode import opmap
    for name in safe_eval_opcodes.CONST_ADDITIONS:
        assert opmap[name] in module._CONST_OPCODES
    for name in safe_eval_opcodes.EXPR_ADDITIONS:
        assert opmap[name] in module._EXPR_OPCODES
        assert opmap[name] not in module._CONST_OPCODES
    for name in safe_eval_opcodes.SAFE_ADDITIONS:
        assert opmap[name] in module._SAFE_OPCODES
        assert opmap[name] not in module._EXPR_OPCODES
