"""Tidy our translation catalogues after parallel branches appended to them.

git's union merge (``.gitattributes``) keeps both sides' entries but may
drop the blank line between two of them -- Odoo's PO reader then reads the
next entry's comments as part of the previous translation -- and two branches
may add the same msgid with other references. This rewrites each catalogue
with its entries separated and every msgid once: the first translation, the
references and flags of all its entries (GNU ``msguniq --use-first`` would
drop the later entries' references: their terms would stay untranslated).
``msgfmt -c`` (GNU gettext) then checks the result. Usage:

    .venv/bin/python scripts/po_tidy.py [--check] addons/*/i18n/*.po

``--check`` (the lint stage) changes nothing and fails if a catalogue would
change or ``msgfmt -c`` refuses it.
"""
import subprocess
import sys


def _entries(text):
    """Blocks of lines, one per entry (comments, msgctxt, msgid, msgstr)."""
    blocks, current, seen_msgstr = [], [], False
    for line in text.split("\n"):
        starts_comment = line.startswith("#")
        if not line.strip() or (starts_comment and seen_msgstr):
            if current:
                blocks.append(current)
            current, seen_msgstr = [], False
            if not line.strip():
                continue
        if line.startswith("msgstr"):
            seen_msgstr = True
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _key(block):
    """(msgctxt, msgid) of a block as their string values: the same text
    wrapped on other lines is the same key."""
    values, part = {}, None
    for line in block:
        if line.startswith(("msgctxt ", "msgid ", "msgstr")):
            part = line.split(" ", 1)[0]
            if part.startswith("msgstr"):
                part = None
                continue
            values[part] = line.split(" ", 1)[1].strip()[1:-1]
        elif line.startswith('"') and part:
            values[part] += line.strip()[1:-1]
    return (values.get("msgctxt"), values.get("msgid"))


def tidy(text):
    """The catalogue ``text`` with its entries separated and unique."""
    order, merged = [], {}
    for block in _entries(text):
        key = _key(block)
        comments = [line for line in block if line.startswith("#")]
        body = [line for line in block if not line.startswith("#")]
        refs = [ref for line in comments if line.startswith("#: ")
                for ref in line[3:].split()]
        flags = [flag.strip() for line in comments if line.startswith("#, ")
                 for flag in line[3:].split(",")]
        others = [line for line in comments
                  if not line.startswith(("#: ", "#, "))]
        if key not in merged:
            order.append(key)
            merged[key] = {"others": others, "refs": refs, "flags": flags,
                           "body": body}
            continue
        entry = merged[key]
        entry["refs"] += [ref for ref in refs if ref not in entry["refs"]]
        entry["flags"] += [flag for flag in flags if flag not in entry["flags"]]
        entry["others"] += [line for line in others if line not in entry["others"]]
    out = []
    for key in order:
        entry = merged[key]
        lines = list(entry["others"])
        lines += ["#: %s" % ref for ref in dict.fromkeys(entry["refs"])]
        if entry["flags"]:
            lines.append("#, %s" % ", ".join(dict.fromkeys(entry["flags"])))
        out.append("\n".join(lines + entry["body"]))
    return "\n\n".join(out) + "\n"


def main(args):
    check = "--check" in args
    failed = []
    for path in [arg for arg in args if arg != "--check"]:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        tidied = tidy(text)
        if check and tidied != text:
            failed.append(path)
        elif not check:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(tidied)
        if subprocess.run(["msgfmt", "-c", "-o", "/dev/null", path]).returncode:
            failed.append(path)
    for path in failed:
        print("%s: run scripts/po_tidy.py on it (glued or duplicate entries)" % path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
