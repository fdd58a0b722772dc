"""Python 3.10 removed the ABC aliases from ``collections``.

Odoo 11 does ``from collections import Mapping, Iterable, ...`` (e.g. in
``odoo.tools.misc``), which fails with ``cannot import name 'Iterable' from
'collections'``. The shim re-adds the aliases to ``collections.abc``'s classes.
"""
import collections
import collections.abc

NAMES = (
    "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable",
    "ByteString", "Callable", "Collection", "Container", "Coroutine",
    "Generator", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView",
    "Mapping", "MappingView", "MutableMapping", "MutableSequence",
    "MutableSet", "Reversible", "Sequence", "Set", "Sized", "ValuesView",
)


def apply():
    for name in NAMES:
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))
