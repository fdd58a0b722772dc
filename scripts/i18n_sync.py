"""Bring our addons' catalogues up to a fresh export (issue 13).

Run in an Odoo shell on a database with our addons installed:

    .venv/bin/python -m uchaske_compat shell -c odoo.conf -d uchaske_<tag> \\
        --log-level=warn < scripts/i18n_sync.py

For each addon it rewrites ``i18n/<addon>.pot`` from ``trans_export`` and
APPENDS to ``i18n/kk.po`` and ``i18n/ru.po`` the exported terms they lack:
a known text with the records it now also names (a new model's "Created by",
a new view's "District") gets its existing translation, a new text an empty
one, listed on the output -- translate those, then run
``scripts/po_tidy.py addons/*/i18n/*.po``, which merges the appended entries
into the existing ones. Code terms are matched by their text only (``_()``
ignores the reference). The test ``test_translation_completeness`` fails
while a term lacks a translation.
"""
import io
import os
import sys

from odoo.tools.translate import trans_export

ROOT = os.getcwd()
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import po_tidy  # noqa: E402  (scripts/ is not a package)

MODULES = ("uchaske_base", "uchaske_registry", "uchaske_meetings", "uchaske_geo")


def _catalogue(text):
    """{msgid: (refs, body lines)} of a catalogue's entries."""
    entries = {}
    for block in po_tidy._entries(text):
        key = po_tidy._key(block)
        refs = [ref for line in block if line.startswith("#: ")
                for ref in line[3:].split()]
        body = [line for line in block if not line.startswith("#")]
        entries[key] = (refs, body)
    return entries


def sync(env, root=ROOT):
    untranslated = []
    # a text translated in one of our addons is translated the same in the others
    shared = {}
    for lang in ("kk", "ru"):
        shared[lang] = {}
        for module in MODULES:
            with open(os.path.join(root, "addons", module, "i18n", lang + ".po"),
                      encoding="utf-8") as handle:
                for key, (_refs, body) in _catalogue(handle.read()).items():
                    if body[-1] != 'msgstr ""':
                        shared[lang].setdefault(key, body)
    for module in MODULES:
        buf = io.BytesIO()
        trans_export(None, [module], buf, "po", env.cr)
        pot = buf.getvalue().decode("utf-8")
        i18n = os.path.join(root, "addons", module, "i18n")
        with open(os.path.join(i18n, module + ".pot"), "w", encoding="utf-8") as handle:
            handle.write(pot)
        fresh = po_tidy._entries(pot)
        for lang in ("kk", "ru"):
            path = os.path.join(i18n, lang + ".po")
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            known = _catalogue(text)
            added = []
            for block in fresh:
                key = po_tidy._key(block)
                if key == (None, ""):
                    continue  # the header
                refs = [ref for line in block if line.startswith("#: ")
                        for ref in line[3:].split()]
                have_refs, body = known.get(key, ([], shared[lang].get(key)))
                if body is not None and body[-1] != 'msgstr ""':
                    code = [ref for ref in refs if ref.startswith("code:")]
                    refs = [ref for ref in refs if not ref.startswith("code:")
                            and ref not in have_refs]
                    if not refs:
                        continue
                    if code:
                        refs += code[:1]
                else:
                    body = [line for line in block if not line.startswith("#")]
                    untranslated.append("%s %s %r" % (lang, module, key[1]))
                comments = [line for line in block if line.startswith("#")
                            and not line.startswith("#: ")]
                added.append("\n".join(
                    comments[:1] + ["#: %s" % ref for ref in refs]
                    + comments[1:] + body))
            if added:
                with open(path, "a", encoding="utf-8") as handle:
                    handle.write("\n" + "\n\n".join(added) + "\n")
    print("\n".join(["untranslated (msgstr empty):"] + untranslated))


if "env" in globals():
    sync(globals()["env"])
