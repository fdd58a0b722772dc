"""Tidy our translation catalogues after parallel branches appended to them.

git's union merge (``.gitattributes``) keeps both sides' entries but may drop
the blank line between two of them; Odoo's PO reader then reads the next
entry's comments as part of the previous translation. This puts a blank line
before every entry; ``msguniq --use-first`` (GNU gettext) then merges
duplicate msgids (their references joined). Usage:

    .venv/bin/python scripts/po_tidy.py [--check] addons/*/i18n/*.po

``--check`` (the lint stage) changes nothing and fails if a catalogue would
change or ``msgfmt -c`` refuses it.
"""
import subprocess
import sys


def separate_entries(text):
    lines = text.split("\n")
    out = []
    for line in lines:
        if line.startswith("#") and out and out[-1].strip() and \
                not out[-1].startswith("#"):
            out.append("")
        out.append(line)
    return "\n".join(out)


def tidy(text):
    """The catalogue ``text`` with its entries separated and unique."""
    result = subprocess.run(
        ["msguniq", "--use-first", "--no-wrap", "-"], input=separate_entries(text),
        capture_output=True, text=True, check=True)
    return result.stdout


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
