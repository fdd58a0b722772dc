"""Make the README's picture of a printed form (issue 13): the first page
of Appendix 2, printed in Kazakh by the demo inspector for his first
district through the list's print wizard, as PNG, with ``pdftoppm``
(poppler-utils).

Run in an Odoo shell on a database with the demo data (nothing is
committed; the print is journaled in the rolled-back transaction only):

    .venv/bin/python -m uchaske_compat shell -c odoo.conf -d uchaske_<tag> \\
        --log-level=warn < scripts/readme_print_png.py

It writes ``docs/img/appendix2_kk.png`` (or ``$UCHASKE_PNG``).
"""
import os
import subprocess
import tempfile

OUT = os.environ.get("UCHASKE_PNG") or os.path.join(
    os.getcwd(), "docs", "img", "appendix2_kk.png")
RESOLUTION = "70"  # dpi: an A4 landscape page about 820 px wide


def render(env):
    """The PDF of Appendix 2 for the inspector's first district, in Kazakh,
    as the wizard prints it."""
    inspector = env.ref("uchaske_base.user_inspector_demo")
    district = env["uchaske.district"].search(
        [("inspector_id", "=", inspector.id)], order="number", limit=1)
    wizard = env["uchaske.list.print.wizard"].sudo(inspector).with_context(
        lang="kk_KZ").create({
            "model_name": "uchaske.firearm.owner", "scope": "district",
            "district_id": district.id, "lang": "kk_KZ", "output": "pdf"})
    action = wizard.action_print()
    report = env["ir.actions.report"].sudo(inspector).with_context(
        lang="kk_KZ")._get_report_from_name(action["report_name"])
    pdf, _format = report.render_qweb_pdf(
        action["data"]["ids"], data=action["data"])
    return pdf


def main(env):
    pdf = render(env)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "form.pdf")
        with open(path, "wb") as out:
            out.write(pdf)
        subprocess.run(["pdftoppm", "-png", "-f", "1", "-l", "1", "-r",
                        RESOLUTION, "-singlefile", path,
                        os.path.join(tmp, "page")], check=True)
        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        with open(os.path.join(tmp, "page.png"), "rb") as page, \
                open(OUT, "wb") as out:
            out.write(page.read())
    print("wrote %s" % OUT)
    env.cr.rollback()


main(env)  # noqa: F821 (the Odoo shell's environment)
