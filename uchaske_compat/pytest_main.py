"""Run pytest with the compatibility shims applied first.

pytest-odoo imports ``odoo`` when pytest loads its plugins, before any
``conftest.py``: the shims must be in place before that, so pytest is started
from here. Usage: ``python -m uchaske_compat.pytest_main [pytest args]``.
"""
import sys

from .launcher import prepare, set_environment


def main(argv=None):
    set_environment()
    prepare()
    import pytest
    return pytest.main(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
