import pytest


@pytest.fixture(scope="session", autouse=True)
def odoo_config():
    """Parse the project's odoo.conf (addons path, data dir) once, without a
    database: some Odoo modules read the config when imported."""
    import odoo
    odoo.tools.config.parse_config(["-c", "odoo.conf", "--log-level=warn"])
    return odoo.tools.config
