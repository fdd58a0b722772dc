"""Python 3.11 removed ``inspect.getargspec`` and ``inspect.formatargspec``.

Odoo 11 uses ``getargspec`` in ``odoo.http`` (controller routing) and
``odoo.api`` and ``formatargspec`` in ``odoo.tools.func``/``decorator`` users.
Both are re-implemented on ``inspect.getfullargspec`` with the 3.7 semantics:
``getargspec`` refuses functions with keyword-only arguments or annotations,
exactly as it did.
"""
import collections
import inspect

ArgSpec = collections.namedtuple("ArgSpec", "args varargs keywords defaults")


def getargspec(func):
    """3.7 ``inspect.getargspec``: (args, varargs, keywords, defaults)."""
    spec = inspect.getfullargspec(func)
    if spec.kwonlyargs or spec.annotations:
        raise ValueError(
            "Function has keyword-only parameters or annotations, use "
            "inspect.signature() API which can support them")
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def formatargspec(args, varargs=None, varkw=None, defaults=None,
                  kwonlyargs=(), kwonlydefaults=None, annotations=None,
                  formatarg=str,
                  formatvarargs=lambda name: "*" + name,
                  formatvarkw=lambda name: "**" + name,
                  formatvalue=lambda value: "=" + repr(value),
                  formatreturns=lambda text: " -> " + text,
                  formatannotation=inspect.formatannotation):
    """3.7 ``inspect.formatargspec``: '(a, b=1, *args, c, **kw)'."""
    annotations = annotations or {}
    kwonlydefaults = kwonlydefaults or {}

    def formatargandannotation(arg):
        result = formatarg(arg)
        if arg in annotations:
            result += ": " + formatannotation(annotations[arg])
        return result

    specs = []
    firstdefault = len(args) - len(defaults) if defaults else None
    for i, arg in enumerate(args):
        spec = formatargandannotation(arg)
        if defaults and i >= firstdefault:
            spec = spec + formatvalue(defaults[i - firstdefault])
        specs.append(spec)
    if varargs is not None:
        specs.append(formatvarargs(formatargandannotation(varargs)))
    elif kwonlyargs:
        specs.append("*")
    for kwonlyarg in kwonlyargs or ():
        spec = formatargandannotation(kwonlyarg)
        if kwonlyarg in kwonlydefaults:
            spec += formatvalue(kwonlydefaults[kwonlyarg])
        specs.append(spec)
    if varkw is not None:
        specs.append(formatvarkw(formatargandannotation(varkw)))
    result = "(" + ", ".join(specs) + ")"
    if "return" in annotations:
        result += formatreturns(formatannotation(annotations["return"]))
    return result


def apply():
    if not hasattr(inspect, "getargspec"):
        inspect.getargspec = getargspec
    if not hasattr(inspect, "formatargspec"):
        inspect.formatargspec = formatargspec
