"""Issue 14: what the users' actions cost on the national-scale database.

Run on a database built by ``bench/national.py``. Each measure is the median
of ``--repeat`` calls after ``--warmup`` calls, next to a baseline measured
in the same run the same way (interleaved, so both see the same
conditions), with the SQL statements of one call (``cr.sql_log_count``)
and the goal of issue 14 beside it:

* case create + register as the inspector vs ``res.partner`` create
  (as the administrator);
* the inspector's list of 80 cases (``search_read`` with record rules and
  the R15 journal) vs the same rows by raw SQL;
* surname and IIN-prefix ``name_search`` on persons as the inspector (limit
  8, as the web client's autocompletion) vs the same ``ilike`` / ``like`` by
  raw SQL, without rules;
* My work (``action_open_my_work`` + first page of 80) for the inspector and
  the chief vs a plain ``search_read`` of 80 cases by the same user;
* the daily work's lists (passports, monthly plans, notebook entries,
  information transmissions, report meetings): the list view's fields,
  80 rows newest first, as the inspector and the chief, vs the same rows
  by raw SQL (the rules' condition compiled once, the many2ones' names by
  joins).

Before measuring it checks a sample of the generated cases: their history
hash chains (``wf_check_history``) and IINs are valid. Nothing is committed.

    .venv/bin/python bench/national_measures.py [--db uchaske_national]
        [--repeat 20] [--warmup 3] [--inspector inspector] [--chief chief]
        [--first-only]
"""
import argparse
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import my_work  # noqa: E402  (bench/, beside this script: the My work calls)
from my_work import CASE_FIELDS  # noqa: E402
REGISTER = {"legal_basis": "Court decision", "document_number": "2-1/2026",
            "document_date": "2026-01-12"}
#: the same rows as the register's list, by hand: the inspector's rule
#: (districts served or own cases; the districts found once outside the
#: timing, as the rule's domain is compiled once), the many2ones' names, the
#: register's _order (create_date desc, id desc)
RAW_LIST = """
    SELECT c.id, c.name, p.name, cat.name, d.name, up.name, c.date_start,
           c.date_end, c.next_check_due, c.state
      FROM uchaske_registry_case c
      JOIN uchaske_person p ON p.id = c.person_id
      JOIN uchaske_registry_category cat ON cat.id = c.category_id
      JOIN uchaske_district d ON d.id = c.district_id
      LEFT JOIN res_users u ON u.id = c.inspector_id
      LEFT JOIN res_partner up ON up.id = u.partner_id
     WHERE c.district_id = ANY(%s) OR c.inspector_id = %s
     ORDER BY c.create_date DESC, c.id DESC LIMIT 80"""


#: the daily work's lists (issue 11): their list views as the inspector and
#: the chief, against the same rows by raw SQL
DAILY_LISTS = [
    ("uchaske.district.passport", "passports"),
    ("uchaske.work.plan", "monthly plans"),
    ("uchaske.work.notebook.entry", "notebook entries"),
    ("uchaske.info.transmission", "transmissions"),
    ("uchaske.meeting", "report meetings"),
]


def list_view_fields(Model):
    """The fields of the model's list view (as the web client reads them)."""
    return sorted(Model.fields_view_get(view_type="tree")["fields"])


def raw_list_sql(Model, fields):
    """(SQL, params) selecting by hand what the list shows of the rows the
    user may read (the rules' own condition, compiled once here, outside
    the timing), newest first, 80 rows: the stored columns, and for a
    many2one the name of the record (a user's: the partner's)."""
    query = Model._where_calc([])
    Model._apply_ir_rules(query, "read")
    from_clause, where_clause, params = query.get_sql()
    table = Model._table
    columns, joins = ['"%s".id' % table], []
    for index, name in enumerate(fields):
        field = Model._fields[name]
        if not field.store or field.type in ("one2many", "many2many"):
            continue
        columns.append('"%s"."%s"' % (table, name))
        if field.type != "many2one":
            continue
        comodel = Model.env[field.comodel_name]
        alias = "j%d" % index
        if comodel._name == "res.users":
            joins.append('LEFT JOIN res_users %s ON %s.id = "%s"."%s" LEFT JOIN '
                         'res_partner %sp ON %sp.id = %s.partner_id'
                         % (alias, alias, table, name, alias, alias, alias))
            columns.append("%sp.name" % alias)
        elif "name" in comodel._fields and comodel._fields["name"].store:
            joins.append('LEFT JOIN "%s" %s ON %s.id = "%s"."%s"'
                         % (comodel._table, alias, alias, table, name))
            columns.append("%s.name" % alias)
    return ("SELECT %s FROM %s %s WHERE %s ORDER BY \"%s\".id DESC LIMIT 80" % (
        ", ".join(columns), from_clause, " ".join(joins), where_clause or "TRUE",
        table), params)


def measure(call, baseline, repeat, warmup, cr):
    """Medians (s) of ``call`` and ``baseline``, interleaved, and the SQL
    statements of one call of each."""
    for _round in range(warmup):
        call()
        baseline()
    counts = []
    for function in (call, baseline):
        before = cr.sql_log_count
        function()
        counts.append(cr.sql_log_count - before)
    timings = ([], [])
    for _round in range(repeat):
        for index, function in enumerate((call, baseline)):
            start = time.perf_counter()
            function()
            timings[index].append(time.perf_counter() - start)
    return (statistics.median(timings[0]), statistics.median(timings[1]),
            counts[0], counts[1])


def other_measures(env, args, people, rows, found):
    """The measures after the first one (lists, searches, My work, the daily
    work's lists), appended to ``rows``; the names found by the person
    searches go to ``found``."""
    cr = env.cr
    inspector, chief, surname, prefix = people
    Case = env["uchaske.registry.case"]
    Person = env["uchaske.person"]
    # -- the inspector's list -----------------------------------------
    cases = Case.sudo(inspector)

    def list_cases(cases=cases):
        cases.invalidate_cache()
        return cases.search_read([], CASE_FIELDS, limit=80)

    served = sorted(env["res.users"]._uchaske_served_district_ids(inspector.id))

    def raw_list():
        cr.execute(RAW_LIST, [served, inspector.id])
        return cr.fetchall()
    assert [r["id"] for r in list_cases()] == [r[0] for r in raw_list()], \
        "raw SQL does not select the same rows as the list"
    rows.append(("inspector's list of 80 cases", "same rows, raw SQL",
                 measure(list_cases, raw_list, args.repeat, args.warmup, cr),
                 "<= 3x raw, <= 100 ms", 3.0, 0.100))

    # -- person searches ----------------------------------------------
    persons = Person.sudo(inspector)

    def search(term, key):
        def call():
            persons.invalidate_cache()
            found[key] = persons.name_search(term, limit=8)
        return call

    def raw(query, value):
        def call():
            cr.execute(query, [value])
            return cr.fetchall()
        return call
    rows.append(("surname name_search %r (inspector)" % surname,
                 "name ilike, raw SQL",
                 measure(search(surname, "surname"), raw(
                     "SELECT id, name FROM uchaske_person WHERE name ILIKE %s "
                     "ORDER BY surname, first_name, patronymic, id LIMIT 8",
                     "%" + surname + "%"), args.repeat, args.warmup, cr),
                 "<= 50 ms", None, 0.050))
    rows.append(("IIN prefix name_search %r (inspector)" % prefix,
                 "iin like, raw SQL",
                 measure(search(prefix, "iin"), raw(
                     "SELECT id, name FROM uchaske_person WHERE iin LIKE %s "
                     "LIMIT 8", prefix + "%"), args.repeat, args.warmup, cr),
                 "<= 20 ms", None, 0.020))

    # -- My work --------------------------------------------------------
    for login, user in ((args.inspector, inspector), (args.chief, chief)):
        open_my_work, plain = my_work.user_calls(env, user)
        rows.append(("My work, %s (open + first page)" % login,
                     "search_read of 80 cases",
                     measure(open_my_work, plain, args.repeat, args.warmup, cr),
                     "<= 100 ms", None, 0.100))

    # -- the daily work's lists (issue 11) ------------------------------
    for model_name, label in DAILY_LISTS:
        if model_name not in env:
            continue
        fields = list_view_fields(env[model_name])
        for login, user in ((args.inspector, inspector), (args.chief, chief)):
            Model = env[model_name].sudo(user)
            if not Model.check_access_rights("read", False):
                continue
            query, params = raw_list_sql(Model, fields)

            def orm_list(Model=Model, fields=fields):
                Model.invalidate_cache()
                return Model.search_read([], fields, limit=80, order="id desc")

            def raw_rows(query=query, params=params):
                cr.execute(query, params)
                return cr.fetchall()
            listed = orm_list()
            assert [r["id"] for r in listed] == [r[0] for r in raw_rows()], \
                "raw SQL does not select the same %s as the list" % label
            rows.append(("%s's list of %s (%d shown)" % (login, label, len(listed)),
                         "same rows, raw SQL",
                         measure(orm_list, raw_rows, args.repeat, args.warmup, cr),
                         "<= 3x raw, <= 100 ms", 3.0, 0.100))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_national")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--inspector", default="inspector")
    parser.add_argument("--chief", default="chief")
    parser.add_argument("--sample", type=int, default=20,
                        help="generated cases whose hash chain is verified")
    parser.add_argument("--other-rows", type=int, default=0,
                        help="first fill My work's table with this many rows of "
                             "other officers, as in production (bench/my_work.py)")
    parser.add_argument("--first-only", action="store_true",
                        help="measure only the first row (case create + register)")
    args = parser.parse_args()

    from uchaske_compat.launcher import load_odoo
    odoo = load_odoo()
    from uchaske_rules import iin
    registry = odoo.registry(args.db)
    rows = []
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Users = env["res.users"]
        inspector = Users.search([("login", "=", args.inspector)])
        chief = Users.search([("login", "=", args.chief)])
        Case = env["uchaske.registry.case"]
        Person = env["uchaske.person"]

        # -- the data are what the application expects -------------------
        sample = Case.search([("name", "=like", "NAT-%")], limit=args.sample,
                             order="id")
        intact = sum(1 for case in sample if case.wf_check_history())
        people = Person.search([("iin", "!=", False)], limit=1000, order="id desc")
        valid = sum(1 for person in people if iin.is_valid_iin(person.iin))
        print("sample: %d/%d generated cases have an intact history hash chain; "
              "%d/%d IINs valid" % (intact, len(sample), valid, len(people)))
        open_cases = Case.search_count([("inspector_id", "=", inspector.id),
                                        ("state", "!=", "closed")])
        print("the inspector (%s) has %d open cases; cases %d, persons %d"
              % (args.inspector, open_cases, Case.search_count([]),
                 Person.search_count([])))

        # a person the inspector sees (generated): the search terms
        seen = Person.sudo(inspector).search([("iin", "!=", False)], limit=1,
                                             order="id desc")
        surname, prefix = seen.surname[:5], seen.iin[:6]

        # -- case create + register vs res.partner create -----------------
        district = env["uchaske.district"].search(
            [("inspector_id", "=", inspector.id)], limit=1)
        category = env.ref("uchaske_registry.category_parole")
        total = args.repeat + args.warmup + 1
        new_people = [Person.sudo(inspector).create({
            "iin": iin.make_iin(odoo.fields.Date.from_string("1931-01-01")
                                .replace(day=1 + n % 28, month=1 + n // 28 % 12),
                                "male", 9000 + n // 336),
            "surname": "Benchmark", "first_name": "Person%d" % n,
            "department_id": district.department_id.id,
            "address_ids": [(0, 0, {
                "address": "Street 1", "district_id": district.id,
                "date_from": "2020-01-01"})]}) for n in range(total)]
        # each side with its user's context (language, time zone), as the
        # web client sends it with every call
        Partner = env["res.partner"].with_context(env.user.context_get())
        inspector_cases = Case.sudo(inspector).with_context(
            inspector.sudo(inspector).context_get())

        def create_register():
            person = new_people.pop()
            case = inspector_cases.create({
                "person_id": person.id, "category_id": category.id,
                "district_id": district.id, "grounds": "court_decision",
                "grounds_number": "2-1/2026", "grounds_date": "2026-01-12",
                "date_start": "2026-01-12", "date_end": "2027-01-12"})
            case.wf_apply("register", REGISTER)

        def partner_create():
            Partner.create({"name": "Benchmark partner", "email": "b@example.kz"})
        rows.append(("case create + register (inspector)", "res.partner create",
                     measure(create_register, partner_create, args.repeat,
                             args.warmup, cr), "<= 1.5x partner", 1.5, None))

        found = {}
        if not args.first_only:
            my_work._add_other_rows(env, [args.inspector, args.chief],
                                    args.other_rows)
            other_measures(env, args, (inspector, chief, surname, prefix), rows,
                           found)
        cr.rollback()
    print("surname search found %d, IIN prefix search found %d (limit 8)"
          % (len(found.get("surname", [])), len(found.get("iin", []))))
    print("\nmedian of %d calls after %d warm-up, database %s:\n"
          % (args.repeat, args.warmup, args.db))
    header = "| measure | median | SQL | baseline | median | SQL | ratio | goal | met |"
    print(header)
    print("|---|---:|---:|---|---:|---:|---:|---|---|")
    for label, base_label, (value, base, sql_count, base_sql), goal, ratio_goal, \
            abs_goal in rows:
        ratio = value / base if base else float("inf")
        met = ((ratio_goal is None or ratio <= ratio_goal)
               and (abs_goal is None or value <= abs_goal))
        print("| %s | %.1f ms | %d | %s | %.2f ms | %d | %.2fx | %s | %s |" % (
            label, value * 1000, sql_count, base_label, base * 1000, base_sql,
            ratio, goal, "yes" if met else "no"))


if __name__ == "__main__":
    main()
