"""Python 3.11's ``resource.setrlimit`` accepts integers only.

Odoo 11 computes memory limits as floats (``limit_memory_hard`` from the
config parser) and prefork workers die at once with ``'float' object cannot be
interpreted as an integer`` in ``process_limit``. The shim coerces both limits
to ``int`` before calling the real function.
"""
import resource

_original = resource.setrlimit


def setrlimit(which, limits):
    soft, hard = limits
    return _original(which, (int(soft), int(hard)))


def apply():
    resource.setrlimit = setrlimit
