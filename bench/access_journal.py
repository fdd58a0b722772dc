"""R15 benchmark: what the access journal costs a list view.

A list view of the register is one ``search_read`` (80 rows). The journal
adds one INSERT per call. This script measures, in one run and on the same
data, the median time of that call as a real inspector with the journal on
and with it off (the same call inside the journal's ``journal_nested()``,
a switch no client can reach), and prints the ratio. Nothing is committed:
the data lives in a transaction that is rolled back.

    .venv/bin/python bench/access_journal.py [--db uchaske_test] [--rows 400]
"""
import argparse
import contextlib
import os
import statistics
import sys
import time
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_test")
    parser.add_argument("--rows", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    from uchaske_compat.launcher import load_odoo
    odoo = load_odoo()
    from uchaske_rules import iin
    from odoo.addons.uchaske_registry.models.uchaske_access_journal_mixin \
        import journal_nested
    registry = odoo.registry(args.db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        district = env["uchaske.district"].search(
            [("inspector_id", "!=", False)], limit=1)
        inspector = district.inspector_id
        category = env.ref("uchaske_registry.category_parole")
        for serial in range(args.rows):
            person = env["uchaske.person"].create({
                "iin": iin.make_iin(date(1980, 1, 1 + serial % 28), "male",
                                    6000 + serial * 3),
                "surname": "Bench%d" % serial, "first_name": "Person",
                "department_id": district.department_id.id})
            env["uchaske.registry.case"].create({
                "person_id": person.id, "category_id": category.id,
                "district_id": district.id})
        cases = env["uchaske.registry.case"].sudo(inspector)
        fields = ["name", "person_id", "category_id", "district_id",
                  "inspector_id", "date_start", "date_end", "next_check_due",
                  "check_overdue", "state"]
        variants = {"journal off": journal_nested, "journal on": contextlib.nullcontext}
        timings = {name: [] for name in variants}
        for _round in range(args.repeat):
            for name, switch in variants.items():  # interleaved: same conditions
                cases.invalidate_cache()
                with switch():
                    start = time.perf_counter()
                    rows = cases.search_read([], fields, limit=80)
                    timings[name].append(time.perf_counter() - start)
        assert len(rows) == 80
        logged = env["uchaske.access.log"].search_count(
            [("user_id", "=", inspector.id), ("operation", "=", "search")])
        cr.rollback()
    off = statistics.median(timings["journal off"])
    on = statistics.median(timings["journal on"])
    print("list view (search_read, 80 of %d rows), median of %d calls:"
          % (args.rows, args.repeat))
    print("  journal off: %.2f ms" % (off * 1000))
    print("  journal on:  %.2f ms  (%d journal entries written)" % (on * 1000, logged))
    print("ratio on/off: %.3f" % (on / off))


if __name__ == "__main__":
    main()
