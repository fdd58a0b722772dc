"""One test per shim of uchaske_compat: the symptom it closes is gone.

The process was started by ``uchaske_compat.pytest_main``, which applied every
shim before importing odoo; these tests check each shim's effect (and that
applying it again changes nothing).
"""
import ast
import base64
import collections
import collections.abc
import inspect
import os
import resource
import threading
import xml.etree.ElementTree as ET

import pytest
import yaml

import uchaske_compat
from uchaske_compat.shims import addons_path, ast_compile, inspect_argspec


def test_all_shims_applied_and_idempotent():
    assert uchaske_compat.apply_all() == []
    assert set(uchaske_compat._applied) == set(uchaske_compat.SHIM_NAMES)


def test_every_shim_has_docstring_naming_its_change():
    for name in uchaske_compat.SHIM_NAMES:
        doc = uchaske_compat.get_shim(name).__doc__
        assert doc and len(doc.strip().splitlines()) >= 3, name


def test_collections_abc_aliases():
    from collections import Iterable, Mapping, MutableMapping  # noqa: F401
    assert collections.Iterable is collections.abc.Iterable
    assert collections.Mapping is collections.abc.Mapping
    import odoo.tools.misc  # noqa: F401 - imports "from collections import ..."


def test_getargspec_matches_python37_semantics():
    def func(a, b=2, *args, **kw):
        return a
    spec = inspect.getargspec(func)
    assert spec == (["a", "b"], "args", "kw", (2,))
    assert spec.keywords == "kw"

    def kwonly(a, *, b):
        return a
    with pytest.raises(ValueError):
        inspect.getargspec(kwonly)


def test_formatargspec():
    fmt = inspect_argspec.formatargspec
    assert fmt(["a", "b"], "args", "kw", (2,)) == "(a, b=2, *args, **kw)"
    assert fmt(["a"], None, None, None, ["c"], {"c": 1}) == "(a, *, c=1)"
    spec = inspect.getfullargspec(lambda x, y=1: 0)[:4]
    assert inspect.formatargspec(*spec) == "(x, y=1)"


def test_elementtree_getchildren_and_getiterator():
    root = ET.fromstring("<a><b/><c><b/></c></a>")
    assert [e.tag for e in root.getchildren()] == ["b", "c"]
    assert len(root.getiterator("b")) == 2
    assert len(ET.ElementTree(root).getiterator("b")) == 2


def test_base64_encodestring_aliases():
    assert base64.encodestring(b"uchaske") == base64.encodebytes(b"uchaske")
    assert base64.decodestring(b"dWNoYXNrZQ==\n") == b"uchaske"


def test_thread_isalive_alias():
    thread = threading.Thread(target=lambda: None)
    assert thread.isAlive() is False
    thread.start()
    thread.join()
    assert thread.isAlive() is False


def test_yaml_load_defaults_to_full_loader():
    assert yaml.load("a: [1, 2]") == {"a": [1, 2]}
    # unlike PyYAML < 5.1's default, arbitrary python objects stay refused
    with pytest.raises(yaml.YAMLError):
        yaml.load("!!python/object/apply:os.system ['true']")


def test_yaml_odoo_tags_load():
    from odoo.tools import yaml_tag
    yaml_tag.add_constructors()
    node = yaml.load("!record {model: res.partner, id: p1}: {name: X}")
    assert list(node)[0].model == "res.partner"


def _qweb_shaped_module():
    """An AST in the 3.5 shape, as QWeb builds it."""
    args = ast.arguments(args=[ast.arg(arg="x", annotation=None)], vararg=None,
                         kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
    body = [ast.Return(value=ast.Tuple(elts=[
        ast.Name(id="None", ctx=ast.Load()), ast.Name(id="True", ctx=ast.Load()),
        ast.Name(id="x", ctx=ast.Load())], ctx=ast.Load()))]
    func = ast.FunctionDef(name="f", args=args, body=body, decorator_list=[],
                           returns=None)
    module = ast.Module(body=[func])
    ast.fix_missing_locations(module)
    for node in ast.walk(module):  # end before start, as QWeb's trees end up
        if hasattr(node, "lineno"):
            node.lineno, node.end_lineno = 2, 1
    return module


def test_ast_compile_accepts_qweb_shaped_trees():
    namespace = {}
    exec(compile(_qweb_shaped_module(), "<template>", "exec"), namespace)
    assert namespace["f"](5) == (None, True, 5)


def test_ast_compile_without_shim_fails_on_the_same_tree():
    with pytest.raises((TypeError, ValueError)):
        ast_compile._original_compile(_qweb_shaped_module(), "<template>", "exec")


def test_ast_compile_leaves_sources_alone():
    assert eval(compile("1 + 1", "<s>", "eval")) == 2
    tree = compile("x = 1", "<s>", "exec", ast.PyCF_ONLY_AST)
    assert isinstance(tree, ast.Module)


def test_qweb_renders_a_template():
    from odoo.addons.base.ir.ir_qweb.qweb import QWeb
    from lxml import etree

    class Loader(QWeb):
        def get_template(self, template, options):
            element = etree.fromstring(
                '<t t-name="t"><p t-if="x is not None" t-att-class="x and \'on\'">'
                '<t t-esc="\'%s/%s\' % (x, y)"/></p><i t-else="">none</i></t>')
            return element, etree.tostring(element)

    assert Loader().render("t", {"x": 1, "y": 2}).strip() == b'<p class="on">1/2</p>'
    assert b"<i>none</i>" in Loader().render("t", {"x": None, "y": 0})


def test_setrlimit_accepts_floats():
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    as_float = float(soft) if soft != resource.RLIM_INFINITY else soft
    resource.setrlimit(resource.RLIMIT_CPU, (as_float, hard))
    assert resource.getrlimit(resource.RLIMIT_CPU) == (soft, hard)


def test_addons_path_keeps_only_allowed_addons(tmp_path):
    import odoo.modules.module as module
    target = addons_path.build_core_addons_dir(str(tmp_path / "core"), ("base", "web"))
    assert sorted(os.listdir(target)) == ["base", "web"]
    # idempotent, and removes what is no longer allowed
    addons_path.build_core_addons_dir(target, ("base",))
    assert os.listdir(target) == ["base"]
    module.initialize_sys_path()
    assert addons_path.wheel_addons_dir() not in module.ad_paths
    assert module.get_module_path("website_crm", display_warning=False) is False
    assert module.get_module_path("mail")


def test_core_addons_closed_under_depends():
    from odoo.modules.module import load_information_from_description_file
    allowed = set(addons_path.CORE_ADDONS)
    for name in allowed:
        info = load_information_from_description_file(
            name, os.path.join(addons_path.wheel_addons_dir(), name))
        missing = set(info.get("depends", [])) - allowed
        assert not missing, (name, missing)


def test_shapely_asshape_for_base_geoengine():
    """Shapely 2 has no asShape; base_geoengine's helper parses GeoJSON
    (what the map widget sends) with it (issue 10, A1 §2)."""
    from shapely.geometry import asShape, Polygon
    shape = asShape({"type": "Polygon",
                     "coordinates": [[[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]]})
    assert isinstance(shape, Polygon) and shape.area == 4
    from odoo.addons.base_geoengine.geo_helper import geo_convertion_helper as convert
    geojson_text = ('{"type": "Polygon", '
                    '"coordinates": [[[0, 0], [0, 1], [1, 1], [0, 0]]]}')
    assert convert.value_to_shape(geojson_text).geom_type == "Polygon"
    assert convert.value_to_shape("POINT (1 2)").x == 1
    assert convert.value_to_shape(False).is_empty
