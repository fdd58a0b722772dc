"""PyYAML 6 made ``yaml.load``'s ``Loader`` argument mandatory.

Odoo 11's ``tools/yaml_import.py`` (demo/test ``.yml`` files) calls
``yaml.load(text)``. The shim defaults ``Loader`` to ``yaml.FullLoader``, which
carries Odoo's own tags (``yaml.add_constructor`` registers them on it) but,
unlike the pre-5.1 default, refuses arbitrary ``!!python/object`` tags.
"""
import functools

import yaml


def apply():
    if getattr(yaml.load, "_uchaske_shim", False):
        return
    original = yaml.load

    @functools.wraps(original)
    def load(stream, Loader=None):
        return original(stream, Loader=Loader or yaml.FullLoader)

    load._uchaske_shim = True
    yaml.load = load
