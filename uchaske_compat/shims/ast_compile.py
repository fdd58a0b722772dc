"""Python 3.8+ ``compile()`` rejects ASTs built in the Python 3.5 shape.

QWeb (``base/ir/ir_qweb/qweb.py``, ``ir_qweb.py``) compiles templates from
hand-built ASTs, which on 3.11 fail with:

* ``required field "posonlyargs" missing from arguments`` (3.8 added it) and
  ``Module.type_ignores`` (3.8);
* ``identifier field can't represent 'None' constant`` -- QWeb builds
  ``ast.Name(id='None'|'True'|'False')``, which 3.8 refuses (use Constant);
* ``AST node line range (2, 1) is not valid`` -- 3.8 added end positions, and
  ``ast.fix_missing_locations`` gives generated nodes an end before their
  start.

The shim wraps ``builtins.compile``: when (and only when) it is given an AST
object, it adds the missing fields, rewrites those three names to
``ast.Constant`` and clamps invalid end positions to the start position, then
compiles as before. Source strings and code objects pass through untouched.
"""
import ast
import builtins

_CONSTANT_NAMES = {"None": None, "True": True, "False": False}
_original_compile = builtins.compile


class _Modernise(ast.NodeTransformer):

    def visit_Name(self, node):
        if node.id in _CONSTANT_NAMES:
            constant = ast.Constant(value=_CONSTANT_NAMES[node.id])
            return ast.copy_location(constant, node)
        return node

    def generic_visit(self, node):
        if isinstance(node, ast.arguments):
            for field in ("posonlyargs", "kwonlyargs", "kw_defaults", "defaults"):
                if getattr(node, field, None) is None:
                    setattr(node, field, [])
        elif isinstance(node, ast.Module):
            if getattr(node, "type_ignores", None) is None:
                node.type_ignores = []
        return super().generic_visit(node)


def _fix_positions(tree):
    for node in ast.walk(tree):
        if "lineno" not in node._attributes or not hasattr(node, "lineno"):
            continue
        end_line = getattr(node, "end_lineno", None)
        end_col = getattr(node, "end_col_offset", None)
        same_line = end_line == node.lineno
        if (end_line is None or end_line < node.lineno
                or (same_line and (end_col is None or end_col < node.col_offset))):
            node.end_lineno = node.lineno
            node.end_col_offset = node.col_offset


def modernise(tree):
    """Return ``tree`` rewritten so that Python 3.11 ``compile`` accepts it."""
    tree = _Modernise().visit(tree)
    ast.fix_missing_locations(tree)
    _fix_positions(tree)
    return tree


def compile(source, filename, mode, flags=0, dont_inherit=False,  # noqa: A001
            optimize=-1, **kwargs):
    if isinstance(source, ast.AST) and not flags & ast.PyCF_ONLY_AST:
        source = modernise(source)
    return _original_compile(
        source, filename, mode, flags, dont_inherit, optimize, **kwargs)


compile._uchaske_shim = True


def apply():
    if not getattr(builtins.compile, "_uchaske_shim", False):
        builtins.compile = compile
