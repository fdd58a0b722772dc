"""Deployment, not a Python change: the prefork server's listen backlog.

Odoo 11's ``PreforkServer.start`` listens with a backlog of ``8 * workers``
(16 with the 2 workers of ``./uchaske prod``). Workers accept one connection
per request (no keep-alive), so every user waiting for an answer holds a slot
of that queue; when more clients connect at once than the backlog holds, the
kernel drops their SYNs (the client retries after 1 s, then 3 s: the p95
of issue 14's load test at 50 users) or resets the connection. This shim
listens again (Linux updates the backlog of a listening socket) with
``listen_backlog`` from the configuration file (default 1024, never less than
Odoo's own ``8 * workers``; the kernel caps it at ``net.core.somaxconn``).
Queued connections wait for a free worker instead of failing;
``limit_time_real`` and nginx's ``proxy_read_timeout`` bound the wait.
See docs/capacity.md.
"""
#: used when the configuration file has no ``listen_backlog``
DEFAULT_BACKLOG = 1024


def backlog(config, population):
    """The backlog to listen with: the configured one, at least Odoo's own."""
    try:
        wanted = int(config.get("listen_backlog") or DEFAULT_BACKLOG)
    except (TypeError, ValueError):
        wanted = DEFAULT_BACKLOG
    return max(wanted, 8 * population)


def apply():
    import odoo
    from odoo.service import server

    if getattr(server.PreforkServer.start, "_uchaske_shim", False):
        return
    original_start = server.PreforkServer.start

    def start(self):
        original_start(self)
        sock = getattr(self, "socket", None)
        if sock is not None:
            sock.listen(backlog(odoo.tools.config, self.population))

    start._uchaske_shim = True
    server.PreforkServer.start = start
