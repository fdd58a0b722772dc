"""Python 3.8-3.11 bytecode is not in Odoo 11's ``safe_eval`` whitelists.

On 3.11 every ``safe_eval`` fails with ``forbidden opcode(s) ... RESUME``.
The shim adds, to ``_CONST_OPCODES``, ``_EXPR_OPCODES`` and ``_SAFE_OPCODES``
(the three sets in ``odoo.tools.safe_eval``), only the 3.8-3.11 opcodes that
perform an operation the 3.5-3.7 lists already allowed, each mapped below to
the old opcode(s) it replaces. Opcodes for operations Odoo 11 refused stay
refused: imports (IMPORT_NAME/IMPORT_FROM), attribute and global stores or
deletes (STORE_ATTR, DELETE_ATTR, STORE_GLOBAL, DELETE_GLOBAL), closures
(LOAD_CLOSURE, LOAD_DEREF, MAKE_CELL, COPY_FREE_VARS), ``with``, ``async``,
and pattern matching.
Reference for which 3.11 opcodes are safe: Odoo 16's ``safe_eval``.
"""
from opcode import opmap

#: new opcode -> what it replaces in Python 3.7 (documentation and tests)
CONST_ADDITIONS = {
    "RESUME": "no-op marker at function start (3.11)",
    "NOP": "no-op (emitted by 3.11 for constant-folded code)",
    "COPY": "DUP_TOP, DUP_TOP_TWO",
    "SWAP": "ROT_TWO, ROT_THREE, ROT_FOUR",
    "LIST_EXTEND": "BUILD_LIST_UNPACK / literal list of constants (3.9)",
    "SET_UPDATE": "BUILD_SET_UNPACK / literal set of constants (3.9)",
    "LIST_TO_TUPLE": "BUILD_TUPLE_UNPACK (3.9)",
    "DICT_UPDATE": "BUILD_MAP_UNPACK (3.9)",
}
EXPR_ADDITIONS = {
    "BINARY_OP": "BINARY_<op> and INPLACE_<op> (3.11)",
    "IS_OP": "COMPARE_OP 'is' / 'is not' (3.9)",
    "CONTAINS_OP": "COMPARE_OP 'in' / 'not in' (3.9)",
    "DICT_MERGE": "BUILD_MAP_UNPACK_WITH_CALL (3.9)",
    # 3.11 compiles ``'const %s' % (x, y)`` (BINARY_MODULO, allowed) into
    # these two; the format-spec mini-language has no attribute access.
    "FORMAT_VALUE": "BINARY_MODULO on a constant format string (3.11)",
    "BUILD_STRING": "BINARY_MODULO on a constant format string (3.11)",
}
SAFE_ADDITIONS = {
    "PUSH_NULL": "part of CALL_FUNCTION (3.11)",
    "PRECALL": "part of CALL_FUNCTION / CALL_METHOD (3.11)",
    "CALL": "CALL_FUNCTION, CALL_METHOD (3.11)",
    "KW_NAMES": "CALL_FUNCTION_KW (3.11)",
    "JUMP_BACKWARD": "JUMP_ABSOLUTE backwards (3.11)",
    "JUMP_BACKWARD_NO_INTERRUPT": "JUMP_ABSOLUTE backwards (3.11)",
    "POP_JUMP_FORWARD_IF_FALSE": "POP_JUMP_IF_FALSE (3.11)",
    "POP_JUMP_FORWARD_IF_TRUE": "POP_JUMP_IF_TRUE (3.11)",
    "POP_JUMP_BACKWARD_IF_FALSE": "POP_JUMP_IF_FALSE (3.11)",
    "POP_JUMP_BACKWARD_IF_TRUE": "POP_JUMP_IF_TRUE (3.11)",
    "POP_JUMP_FORWARD_IF_NONE": "'is None' + POP_JUMP_IF_TRUE (3.11)",
    "POP_JUMP_BACKWARD_IF_NONE": "'is None' + POP_JUMP_IF_TRUE (3.11)",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "'is not None' + POP_JUMP_IF_TRUE (3.11)",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "'is not None' + POP_JUMP_IF_TRUE (3.11)",
    "RETURN_GENERATOR": "implicit generator creation of generator expressions (3.11)",
    "PUSH_EXC_INFO": "SETUP_EXCEPT handler entry (3.11)",
    "CHECK_EXC_MATCH": "COMPARE_OP exception-match (3.11)",
    "RERAISE": "END_FINALLY re-raise (3.9)",
}

#: Never added, whatever a later Python calls them (checked by the tests).
FORBIDDEN = (
    "IMPORT_NAME", "IMPORT_FROM", "IMPORT_STAR", "STORE_ATTR", "DELETE_ATTR",
    "STORE_GLOBAL", "DELETE_GLOBAL", "LOAD_CLOSURE", "LOAD_DEREF",
    "STORE_DEREF", "MAKE_CELL", "COPY_FREE_VARS",
    "BEFORE_WITH", "SETUP_WITH", "BEFORE_ASYNC_WITH", "GET_AWAITABLE",
    "MATCH_CLASS", "LOAD_BUILD_CLASS", "SETUP_ANNOTATIONS",
)


def _codes(names):
    return {opmap[name] for name in names if name in opmap}


def apply():
    import importlib
    # odoo.tools re-exports the *function* safe_eval under the module's name
    safe_eval = importlib.import_module("odoo.tools.safe_eval")

    const = _codes(CONST_ADDITIONS)
    expr = const | _codes(EXPR_ADDITIONS)
    safe = expr | _codes(SAFE_ADDITIONS)
    # the sets are module globals read at call time: extend them in place
    safe_eval._CONST_OPCODES.update(const)
    safe_eval._EXPR_OPCODES.update(expr)
    safe_eval._SAFE_OPCODES.update(safe)
