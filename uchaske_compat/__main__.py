"""``python -m uchaske_compat [odoo args]``: Odoo's command line with the shims.

Odoo's prefork server starts the longpolling process as
``sys.executable sys.argv[0] gevent ...``, i.e. this file run as a plain
script (no package): then the package is imported by absolute name.
"""
if __package__ in (None, ""):
    import os
    import sys
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from uchaske_compat.launcher import main
else:
    from .launcher import main

main()
