"""Python 3.9 removed ``Element.getchildren()``/``getiterator()``.

``web/controllers/main.py`` merges the client's QWeb templates with
``xml.getchildren()`` on ``xml.etree.ElementTree``; without the method every
``/web/webclient/qweb`` request is a 500. The C accelerator's ``Element`` type
cannot be extended, so the shim makes ``xml.etree.ElementTree`` use its
pure-Python implementation and gives that class the two removed methods
(3.8 semantics: ``list(self)`` and ``iter(tag)``). lxml keeps its own
``getchildren`` and is untouched.
"""
import importlib
import sys


def apply():
    module = sys.modules.get("xml.etree.ElementTree")
    if module is not None and hasattr(module.Element, "getchildren"):
        return
    # Block the C accelerator, then (re)load the pure-Python module.
    sys.modules["_elementtree"] = None
    if module is None:
        import xml.etree.ElementTree as module
    else:
        module = importlib.reload(module)
    import xml.etree
    xml.etree.ElementTree = module

    def getchildren(self):
        return list(self)

    def getiterator(self, tag=None):
        return list(self.iter(tag))

    module.Element.getchildren = getchildren
    module.Element.getiterator = getiterator
    module.ElementTree.getiterator = getiterator
