"""Issue 14: build a national-scale benchmark database from the demo one.

The target is a copy of ``--from`` (``CREATE DATABASE ... TEMPLATE``: nobody
may be connected to it), filled with set-based SQL only (``INSERT ...
SELECT ... generate_series``), one timed part after another:

* departments (~200, 17 regions), police points (~1,000), districts
  (~5,000), each district with its own inspector (a ``res.users`` cloned
  from the demo ``inspector``: same groups and company, the district's
  department; password = ``inspector``) and each department a chief (cloned
  from ``chief``);
* persons (1.5M) with valid IINs (the checksum of uchaske_rules/iin.py, in SQL) and
  one address each;
* register cases (200,000) in every state, each with the department, police
  point, district and inspector of its person's district, and its workflow
  history (a "Created" row, "register" and the transition into its state):
  the hash chain is computed in SQL with the exact canonical JSON of
  core/hashchain.py, so every chain is valid (checked against the demo's own
  rows at the start, and the head is stored on the case);
* cases in ``transfer`` get an open transfer (R14) with its history row, an
  open deadline line and the inspector's activity (some of them overdue);
* checks (100,000) on supervised cases, their last/next check dates;
* the lists of Appendices 2-4 (firearm owners 300,000, non-custodial
  persons 50,000, foreigners 1,000,000).

A share of every entity (``--demo-share``) lands in the demo's own districts,
so that the demo users (inspector, chief, ...) have a national-size workload.

    .venv/bin/python bench/national.py [--from uchaske_demo] [--to uchaske_national]
        [--scale 1.0] [--persons N --cases N ...] [--force]

Sizes are the national ones times ``--scale``; a per-entity option overrides.
Drop the result with ``--drop`` (or ``./uchaske drop-db``).
"""
import argparse
import configparser
import os
import sys
import time

import psycopg2
from psycopg2 import sql

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: the national sizes (issue 14)
NATIONAL = {
    "departments": 200, "posts": 1000, "districts": 5000, "persons": 1500000,
    "cases": 200000, "checks": 100000, "firearm_owners": 300000,
    "noncustodial": 50000, "foreigners": 1000000,
    # the daily work (issue 11): a passport per district (A1), a monthly
    # plan per police point and month with its items, a work notebook per
    # inspector with its entries, information transmissions and report
    # meetings of the districts
    "passports": 5000, "plans": 12000, "plan_items": 120000, "notebooks": 5000,
    "notebook_entries": 100000, "transmissions": 100000, "meetings": 20000,
}
MINIMUM = {"departments": 2, "posts": 4, "districts": 8}

REGIONS = ["Abai", "Akmola", "Aktobe", "Almaty", "Atyrau", "West Kazakhstan",
           "Jambyl", "Jetisu", "Karaganda", "Kostanay", "Kyzylorda",
           "Mangystau", "Pavlodar", "North Kazakhstan", "Turkistan", "Ulytau",
           "East Kazakhstan"]
SURNAMES = ["Abdrakhmanov", "Akhmetov", "Alibekov", "Amanov", "Baimukhanov",
            "Bekov", "Dauletov", "Dzhaksybekov", "Ermekov", "Esenov",
            "Ibraev", "Iskakov", "Kairatov", "Kassymov", "Kenzhebaev",
            "Mukhamedov", "Nurlanov", "Omarov", "Ospanov", "Rakhimov",
            "Sadykov", "Seitkali", "Serikbaev", "Smagulov", "Suleimenov",
            "Tokayev", "Tulegenov", "Utepov", "Zhakupov", "Zhumabaev",
            "Ivanov", "Petrov", "Kim", "Tsoi", "Schmidt", "Pak", "Li",
            "Kovalenko", "Sergeev", "Popov"]
FIRST_NAMES = ["Arman", "Aidar", "Askar", "Daulet", "Erlan", "Nurlan",
               "Serik", "Timur", "Aigerim", "Aliya", "Dana", "Gulnara",
               "Madina", "Saule", "Zhanar", "Ivan", "Olga", "Sergei"]
#: state of a case by ``g % 100`` (every state of the register's workflow)
STATES = [("draft", 5), ("registered", 30), ("supervised", 48), ("transfer", 2),
          ("closing", 3), ("closed", 12)]
#: the transition that leads into each state after "register"
INTO = {"supervised": ("start_supervision", "registered"),
        "transfer": ("start_transfer", "supervised"),
        "closing": ("request_close", "supervised"),
        "closed": ("approve_close", "closing")}
#: hashed fields of a history row (core/hashchain.canonical: keys sorted)
HASHED = ("acting_for_user_id", "comment", "date", "document_date",
          "document_number", "from_state", "legal_basis", "res_id",
          "res_model", "to_state", "transition_code", "user_id")


def literal(value):
    """An SQL string literal (or NULL) of a trusted value."""
    return "NULL" if value is None else "'%s'" % str(value).replace("'", "''")


def connect(dbname):
    conf = configparser.ConfigParser()
    conf.read(os.path.join(ROOT, "odoo.conf"))
    opts = conf["options"]
    return psycopg2.connect(
        dbname=dbname, host=os.environ.get("PGHOST") or os.path.join(ROOT, ".pgrun"),
        port=os.environ.get("PGPORT") or "5432",
        user=opts.get("db_user"), password=opts.get("db_password"))


def sizes_from(args):
    sizes = {}
    for name, national in NATIONAL.items():
        value = getattr(args, name)
        if value is None:
            value = max(MINIMUM.get(name, 1), int(round(national * args.scale)))
        sizes[name] = value
    return sizes


def copy_database(source, target, force):
    cnx = connect("postgres")
    cnx.autocommit = True
    with cnx.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target])
        if cr.fetchone():
            if not force:
                sys.exit("database %s exists: pass --force to replace it" % target)
            drop_database(cr, target)
        cr.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [source])
        if cr.fetchone()[0]:
            sys.exit("%s has open connections (a running Odoo?): it cannot be "
                     "copied" % source)
        cr.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
            sql.Identifier(target), sql.Identifier(source)))
    cnx.close()


def drop_database(cr, name):
    cr.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
               "WHERE datname = %s AND pid <> pg_backend_pid()", [name])
    cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


def drop(target):
    cnx = connect("postgres")
    cnx.autocommit = True
    with cnx.cursor() as cr:
        drop_database(cr, target)
    cnx.close()


class Builder:
    """The parts of the build; ids of new rows are allocated in blocks
    (``base + g``), so relations between them are arithmetic."""

    def __init__(self, cr, sizes, demo_share):
        self.cr = cr
        self.n = sizes
        self.demo_share = demo_share
        self.base = {}

    # -- helpers ----------------------------------------------------------

    def one(self, query, params=None):
        self.cr.execute(query, params)
        return self.cr.fetchone()[0]

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        return self.one("SELECT res_id FROM ir_model_data WHERE module = %s "
                        "AND name = %s", [module, name])

    def columns(self, table):
        self.cr.execute("SELECT column_name FROM information_schema.columns "
                        "WHERE table_name = %s AND column_name <> 'id' "
                        "ORDER BY ordinal_position", [table])
        return [row[0] for row in self.cr.fetchall()]

    def reserve(self, table, count):
        """Reserve ``count`` ids of ``table``: returns the base (id = base + g)."""
        base = self.one("SELECT greatest(last_value, (SELECT coalesce(max(id), 0) "
                        "FROM {0})) FROM {0}_id_seq".format(table))
        self.cr.execute("SELECT setval(%s, %s)", ["%s_id_seq" % table, base + count])
        return base

    def clone(self, table, template, count, overrides, source=None, key="g"):
        """Insert ``count`` rows into ``table``: each a copy of the row
        ``template`` (an id) with ``overrides`` (column -> SQL expression over
        ``g``, 1..count, and the template ``t``); ``source`` replaces the
        generate_series (it must yield ``g``). Returns the id base."""
        base = self.reserve(table, count)
        names = self.columns(table)
        select = [overrides.get(name, "t.%s" % name) for name in names]
        source = source or "generate_series(1, %d) AS %s" % (count, key)
        self.cr.execute(
            "INSERT INTO {table} (id, {cols}) SELECT {base} + g, {select} "
            "FROM (SELECT * FROM {table} WHERE id = {template}) t CROSS JOIN {source}"
            .format(table=table, cols=", ".join(names), base=base,
                    select=", ".join(select), template=template, source=source))
        assert self.cr.rowcount == count, (table, self.cr.rowcount, count)
        self.base[table] = base
        return base

    @staticmethod
    def pick(values, index):
        return "(ARRAY[%s])[1 + (%s) %% %d]" % (
            ", ".join("'%s'" % v for v in values), index, len(values))

    # -- parts ------------------------------------------------------------

    def organisation(self):
        n_dep, n_post, n_dist = (self.n["departments"], self.n["posts"],
                                 self.n["districts"])
        inspector = self.ref("uchaske_base.user_inspector_demo")
        chief = self.ref("uchaske_base.user_chief_demo")
        dep_t = self.one("SELECT min(id) FROM uchaske_department")
        post_t = self.one("SELECT min(id) FROM uchaske_post")
        dist_t = self.one("SELECT min(id) FROM uchaske_district "
                          "WHERE inspector_id IS NOT NULL")
        dep = self.clone("uchaske_department", dep_t, n_dep, {
            "name": "'Department No. ' || g", "code": "'NAT' || lpad(g::text, 4, '0')",
            "region": self.pick(REGIONS, "g"), "chief_id": "NULL",
            "message_last_post": "NULL"})
        post = self.clone("uchaske_post", post_t, n_post, {
            "name": "'Police point No. ' || g", "number": "g::text",
            "department_id": "%d + 1 + (g - 1) %% %d" % (dep, n_dep),
            "responsible_inspector_id": "NULL", "message_last_post": "NULL"})
        # users: one inspector per district, one chief per department
        users = []
        for template, count, login in ((inspector, n_dist, "nat_inspector_"),
                                       (chief, n_dep, "nat_chief_")):
            partner_t = self.one("SELECT partner_id FROM res_users WHERE id = %s",
                                 [template])
            partner = self.clone("res_partner", partner_t, count, {
                "name": "'%s' || g" % login.replace("_", " ").title(),
                "display_name": "'%s' || g" % login.replace("_", " ").title(),
                "email": "'%s' || g || '@example.kz'" % login})
            if login == "nat_chief_":
                department = "%d + 1 + (g - 1) %% %d" % (dep, n_dep)
            else:
                department = "%d + 1 + ((g - 1) %% %d) %% %d" % (dep, n_post, n_dep)
            user = self.clone("res_users", template, count, {
                "login": "'%s' || g" % login, "partner_id": "%d + g" % partner,
                "alias_id": "NULL", "uchaske_department_id": department})
            self.cr.execute(
                "INSERT INTO res_groups_users_rel (gid, uid) SELECT r.gid, %s + g "
                "FROM res_groups_users_rel r, generate_series(1, %s) g "
                "WHERE r.uid = %s",
                [user, count, template])
            self.cr.execute(
                "INSERT INTO res_company_users_rel (cid, user_id) SELECT r.cid, %s + g "
                "FROM res_company_users_rel r, generate_series(1, %s) g "
                "WHERE r.user_id = %s", [user, count, template])
            self.cr.execute("UPDATE res_partner p SET user_id = NULL WHERE id > %s "
                            "AND id <= %s", [partner, partner + count])
            users.append(user)
        self.cr.execute("UPDATE uchaske_department SET chief_id = %s + id - %s "
                        "WHERE id > %s", [users[1], dep, dep])
        # district g: police point (g-1) % posts, that point's department
        self.clone("uchaske_district", dist_t, n_dist, {
            "name": "'District ' || g", "number": "g",
            "post_id": "%d + 1 + (g - 1) %% %d" % (post, n_post),
            "department_id": "%d + 1 + ((g - 1) %% %d) %% %d" % (dep, n_post, n_dep),
            "inspector_id": "%d + g" % users[0], "message_last_post": "NULL"})
        assign_t = self.one("SELECT min(id) FROM uchaske_district_assignment "
                            "WHERE role = 'inspector'")
        if assign_t:
            dist = self.base["uchaske_district"]
            self.clone("uchaske_district_assignment", assign_t, n_dist, {
                "district_id": "%d + g" % dist, "user_id": "%d + g" % users[0],
                "department_id": "%d + 1 + ((g - 1) %% %d) %% %d"
                                 % (dep, n_post, n_dep),
                "date_end": "NULL"})

    def _iin_check_sql(self, first11):
        def weighted(weights):
            return " + ".join("substr(%s, %d, 1)::int * %d" % (first11, i + 1, w)
                              for i, w in enumerate(weights))
        first = "(%s) %% 11" % weighted(range(1, 12))
        second = "(%s) %% 11" % weighted(list(range(3, 12)) + [1, 2])
        return ("CASE WHEN {0} <> 10 THEN {0} WHEN {1} <> 10 THEN {1} END"
                .format(first, second))

    def persons(self):
        count = self.n["persons"]
        # candidates: birth date g % 20000 days after 1950-01-01, sex
        # (g / 20000) % 2, serial g / 40000: distinct first 11 digits; ~1 % have
        # no check digit and are skipped
        self.cr.execute("""
            CREATE TEMP TABLE nat_birth AS
            SELECT g, date '1950-01-01' + (g %% 20000) AS birth,
                   CASE WHEN (g / 20000) %% 2 = 0 THEN 'male' ELSE 'female' END AS sex
              FROM generate_series(0, %s) g""", [int(count * 1.03) + 100])
        self.cr.execute("""
            CREATE TEMP TABLE nat_first11 AS
            SELECT g, birth, sex, to_char(birth, 'YYMMDD')
                   || (CASE WHEN birth < date '2000-01-01' THEN 3 ELSE 5 END
                       + CASE WHEN sex = 'male' THEN 0 ELSE 1 END)::text
                   || lpad((g / 40000)::text, 4, '0') AS first11
              FROM nat_birth""")
        self.cr.execute("""
            CREATE TEMP TABLE nat_iin AS
            SELECT row_number() OVER (ORDER BY g) AS g, birth, sex, first11 || c AS iin
              FROM (SELECT g, birth, sex, first11, ({check})::text AS c
                      FROM nat_first11) x
             WHERE c IS NOT NULL""".format(check=self._iin_check_sql("first11")))
        available = self.one("SELECT count(*) FROM nat_iin")
        assert available >= count, available
        # the district of person g: a demo district for a share of them
        dist = self.base["uchaske_district"]
        self.cr.execute("SELECT array_agg(id ORDER BY id) FROM uchaske_district "
                        "WHERE id <= %s AND inspector_id IS NOT NULL", [dist])
        demo = self.cr.fetchone()[0]
        per_mille = int(round(self.demo_share * 1000))
        district = ("CASE WHEN g %% 1000 < %d THEN (ARRAY%s)[1 + g %% %d] "
                    "ELSE %d + 1 + g %% %d END" % (per_mille, demo, len(demo), dist,
                                                   self.n["districts"]))
        self.cr.execute("CREATE TEMP TABLE nat_person_district AS SELECT g, "
                        "d.id AS district_id, d.department_id FROM generate_series("
                        "1, %s) g JOIN uchaske_district d ON d.id = %s"
                        % (count, district))
        person_t = self.one("SELECT min(id) FROM uchaske_person")
        surname = self.pick(SURNAMES, "g / 7")
        first = self.pick(FIRST_NAMES, "g / 3")
        patronymic = self.pick(["Nurlanuly", "Serikovich", "Askarkyzy", ""], "g")
        self.clone("uchaske_person", person_t, count, {
            "iin": "i.iin", "birth_date": "i.birth", "sex": "i.sex",
            "surname": surname, "first_name": first, "patronymic": patronymic,
            "name": "%s || ' ' || %s || ' ' || %s" % (surname, first, patronymic),
            "district_id": "d.district_id", "department_id": "d.department_id",
            "address": "'Street ' || (g % 500) || ', house ' || g",
            "citizenship_id": "NULL", "aliases": "NULL", "message_last_post": "NULL",
        }, source="nat_iin i JOIN nat_person_district d USING (g)")
        # trim a trailing space where there is no patronymic
        base = self.base["uchaske_person"]
        self.cr.execute("UPDATE uchaske_person SET name = rtrim(name), patronymic = "
                        "NULLIF(patronymic, '') WHERE id > %s AND patronymic = ''",
                        [base])
        address_t = self.one("SELECT min(id) FROM uchaske_person_address")
        self.clone("uchaske_person_address", address_t, count, {
            "person_id": "p.id", "address": "p.address", "district_id": "p.district_id",
            "date_from": "date '2020-01-01'", "date_to": "NULL",
        }, source="(SELECT id - %d AS g, id, address, district_id FROM uchaske_person "
                  "WHERE id > %d) p" % (base, base))

    def _person(self, index):
        """SQL: the id of the ``index``-th new person (wrapping round)."""
        return "%d + 1 + (%s) %% %d" % (
            self.base["uchaske_person"], index, self.n["persons"])

    def cases(self):
        count = self.n["cases"]
        case_t = self.one("SELECT id FROM uchaske_registry_case WHERE state = "
                          "'registered' ORDER BY id LIMIT 1")
        buckets, low = [], 0
        for state, share in STATES:
            buckets.append("WHEN g %% 100 < %d THEN '%s'" % (low + share, state))
            low += share
        self.cr.execute("""
            CREATE TEMP TABLE nat_case AS
            SELECT g, CASE %s END AS state, p.id AS person_id, p.district_id,
                   d.department_id, d.post_id, d.inspector_id,
                   current_date - (30 + g %% 700) AS registered_on
              FROM generate_series(1, %d) g
              JOIN uchaske_person p ON p.id = %s
              JOIN uchaske_district d ON d.id = p.district_id"""
                        % (" ".join(buckets), count, self._person("g - 1")))
        self.cr.execute("SELECT array_agg(id ORDER BY id) "
                        "FROM uchaske_registry_category")
        categories = self.cr.fetchone()[0]
        other_dep = self.base["uchaske_department"] + 1
        self.clone("uchaske_registry_case", case_t, count, {
            "state": "c.state", "wf_history_head": "NULL", "message_last_post": "NULL",
            "name": "'NAT-' || lpad(g::text, 7, '0')", "person_id": "c.person_id",
            "category_id": "(ARRAY%s)[1 + g %% %d]" % (categories, len(categories)),
            "district_id": "c.district_id", "department_id": "c.department_id",
            "post_id": "c.post_id", "inspector_id": "c.inspector_id",
            "grounds_number": "'2-' || g || '/2026'",
            "grounds_date": "c.registered_on", "date_start": "c.registered_on",
            "date_end": "c.registered_on + 365",
            "registered_on": "CASE WHEN c.state = 'draft' THEN NULL "
                             "ELSE c.registered_on END",
            "last_check_date": "NULL",
            "next_check_due": "CASE WHEN c.state = 'draft' THEN NULL "
                              "ELSE c.registered_on + 30 END",
            "close_reason": "CASE WHEN c.state IN ('closing', 'closed') THEN "
                            "'term_expired' ELSE NULL END",
            "transfer_department_id": "CASE WHEN c.state = 'transfer' THEN "
                                      "CASE WHEN c.department_id = %d "
                                      "THEN %d ELSE %d END "
                                      "END" % (other_dep, other_dep + 1, other_dep),
            "origin_case_id": "NULL", "materials_controller_id": "NULL",
            "move_date": "CASE WHEN c.state = 'transfer' THEN "
                         "now() at time zone 'UTC' - (g % 7) * interval '1 day' END",
            "activity_date_deadline": "NULL",
        }, source="nat_case c")

    def _payload_sql(self, alias):
        parts = []
        for name in HASHED:
            value = "%s.%s" % (alias, name)
            if name == "date":
                value = "to_char(%s, 'YYYY-MM-DD HH24:MI:SS')" % value
            elif name == "document_date":
                value = "to_char(%s, 'YYYY-MM-DD')" % value
            parts.append("'\"%s\":' || coalesce(to_json(%s)::text, 'null')"
                         % (name, value))
        return "'{' || %s || '}'" % " || ',' || ".join(parts)

    def _hash_sql(self, alias):
        return ("encode(sha256(convert_to(coalesce(%s.prev_hash, '') || E'\\n' || %s, "
                "'UTF8')), 'hex')" % (alias, self._payload_sql(alias)))

    def check_hash_sql(self):
        """The SQL hash must equal the engine's on the demo's own rows."""
        self.cr.execute("SELECT count(*), count(*) FILTER (WHERE h.hash = {0}) FROM "
                        "uchaske_workflow_history h".format(self._hash_sql("h")))
        total, same = self.cr.fetchone()
        assert total and total == same, "SQL hash differs from core/hashchain " \
            "on %d of %d demo rows" % (total - same, total)
        return total

    def history(self):
        """Creation row, "register" and the transition into the state."""
        hist_t = self.one("SELECT min(id) FROM uchaske_workflow_history WHERE "
                          "res_model = 'uchaske.registry.case' AND transition_code = "
                          "'register'")
        base = self.base["uchaske_registry_case"]
        self.cr.execute("""
            SELECT t.code, f.code, s.code, t.id, t.name, f.name, s.name
              FROM uchaske_workflow_transition t
              JOIN uchaske_workflow w ON w.id = t.workflow_id
              JOIN uchaske_workflow_state s ON s.id = t.to_state_id
              JOIN uchaske_wf_transition_from_rel r ON r.transition_id = t.id
              JOIN uchaske_workflow_state f ON f.id = r.state_id
             WHERE w.model = 'uchaske.registry.case'""")
        transitions = {(row[0], row[1]): row for row in self.cr.fetchall()}
        self.cr.execute("SELECT s.code, s.name FROM uchaske_workflow_state s JOIN "
                        "uchaske_workflow w ON w.id = s.workflow_id WHERE "
                        "w.model = 'uchaske.registry.case'")
        state_names = dict(self.cr.fetchall())
        steps = [(None, None, "draft", "c.state IS NOT NULL", 3)]
        steps.append(("register", "draft", "registered", "c.state <> 'draft'", 2))
        for state, (code, source) in INTO.items():
            steps.append((code, source, state, "c.state = '%s'" % state, 1))
        self.cr.execute("CREATE TEMP TABLE nat_head "
                        "(res_id int PRIMARY KEY, hash text)")
        for code, source, target, where, days in steps:
            transition = transitions.get((code, source)) if code else None
            if code and not transition:  # no such edge: any transition into target
                transition = next(v for k, v in transitions.items() if v[2] == target)
            rows = """
                SELECT c.id AS res_id, c.inspector_id AS user_id,
                       date_trunc('second', now() at time zone 'UTC')
                           - interval '1 day' * %(days)d AS date,
                       %(code)s::varchar AS transition_code,
                       %(source)s::varchar AS from_state,
                       '%(target)s'::varchar AS to_state,
                       NULL::int AS acting_for_user_id,
                       NULL::text AS comment,
                       %(basis)s::varchar AS legal_basis,
                       %(docnum)s::varchar AS document_number,
                       %(docdate)s::date AS document_date,
                       'uchaske.registry.case'::varchar
                           AS res_model, h.hash AS prev_hash, c.name AS record_name,
                       c.department_id, c.district_id, c.post_id
                  FROM uchaske_registry_case c LEFT JOIN nat_head h ON h.res_id = c.id
                 WHERE c.id > %(base)d AND %(where)s""" % {
                "days": days, "code": literal(code), "source": literal(source),
                "target": target, "base": base, "where": where,
                "basis": "'Court decision'" if code == "register" else "NULL",
                "docnum": "c.grounds_number" if code == "register" else "NULL",
                "docdate": "c.registered_on" if code == "register" else "NULL"}
            self.cr.execute("CREATE TEMP TABLE nat_step AS SELECT r.*, %s AS hash FROM "
                            "(%s) r" % (self._hash_sql("r"), rows))
            count = self.one("SELECT count(*) FROM nat_step")
            self.clone("uchaske_workflow_history", hist_t, count, {
                name: "s.%s" % name for name in (
                    "res_id", "user_id", "date", "transition_code", "from_state",
                    "to_state", "acting_for_user_id", "comment", "legal_basis",
                    "document_number", "document_date", "res_model", "prev_hash",
                    "hash", "record_name", "department_id", "district_id", "post_id")}
                | {"transition_id": str(transition[3]) if transition else "NULL",
                   "transition_name": literal(
                       transition[4] if transition else "Created"),
                   "from_state_name": literal(state_names.get(source)),
                   "to_state_name": literal(state_names.get(target)),
                   "involved_department_id": "NULL", "create_uid": "s.user_id",
                   "write_uid": "s.user_id", "create_date": "s.date",
                   "write_date": "s.date"},
                source="(SELECT row_number() OVER (ORDER BY res_id) AS g, * "
                       "FROM nat_step) s")
            self.cr.execute("INSERT INTO nat_head SELECT res_id, hash FROM nat_step "
                            "ON CONFLICT (res_id) DO UPDATE SET hash = EXCLUDED.hash")
            self.cr.execute("DROP TABLE nat_step")
        self.cr.execute("UPDATE uchaske_registry_case c SET wf_history_head = h.hash "
                        "FROM nat_head h WHERE h.res_id = c.id")

    def transfers(self):
        """An open transfer (draft) per case in ``transfer``, its history
        row, the R14 deadline line and the inspector's activity."""
        transfer_t = self.one("SELECT min(id) FROM uchaske_registry_transfer")
        line_t = self.one("SELECT min(id) FROM uchaske_workflow_deadline_line WHERE "
                          "activity_id IS NOT NULL")
        if not transfer_t or not line_t:
            return 0
        activity_t = self.one("SELECT activity_id FROM uchaske_workflow_deadline_line "
                              "WHERE id = %s", [line_t])
        rule = self.ref("uchaske_registry.transfer_deadline_request")
        base = self.base["uchaske_registry_case"]
        self.cr.execute("""
            CREATE TEMP TABLE nat_transfer AS
            SELECT row_number() OVER (ORDER BY id) AS g, id AS case_id, person_id,
                   district_id, department_id, post_id, inspector_id, move_date,
                   transfer_department_id, name
              FROM uchaske_registry_case
             WHERE id > %s AND state = 'transfer'""", [base])
        count = self.one("SELECT count(*) FROM nat_transfer")
        if not count:
            return 0
        transfer = self.clone("uchaske_registry_transfer", transfer_t, count, {
            "state": "'draft'", "wf_history_head": "NULL", "message_last_post": "NULL",
            "case_id": "x.case_id", "person_id": "x.person_id",
            "district_id": "x.district_id", "department_id": "x.department_id",
            "post_id": "x.post_id", "inspector_id": "x.inspector_id",
            "move_date": "x.move_date", "new_address": "'New address ' || g",
            "destination_external": "false",
            "destination_department_id": "x.transfer_department_id",
            "destination_district_id": "NULL", "request_number": "NULL",
            "request_date": "NULL", "request_due": "NULL",
            "confirmation_number": "NULL",
            "confirmation_date": "NULL", "confirmed_by_id": "NULL",
            "destination_case_id": "NULL", "materials_sent_date": "NULL",
            "materials_document": "NULL",
            "activity_date_deadline": "(x.move_date + interval '3 days')::date",
        }, source="nat_transfer x")
        activity = self.clone("mail_activity", activity_t, count, {
            "res_id": "%d + g" % transfer, "res_name": "x.name",
            "date_deadline": "(x.move_date + interval '3 days')::date",
            "user_id": "x.inspector_id", "create_uid": "x.inspector_id",
            "write_uid": "x.inspector_id"}, source="nat_transfer x")
        self.clone("uchaske_workflow_deadline_line", line_t, count, {
            "rule_id": str(rule), "res_id": "%d + g" % transfer,
            "record_name": "x.name",
            "department_id": "x.department_id", "district_id": "x.district_id",
            "post_id": "x.post_id", "user_id": "x.inspector_id",
            "date_start": "x.move_date", "date_due": "x.move_date + interval '3 days'",
            "date_done": "NULL", "state": "'open'", "met_late": "false",
            "activity_id": "%d + g" % activity, "escalated_user_id": "NULL",
            "escalation_activity_id": "NULL", "date_escalated": "NULL",
        }, source="nat_transfer x")
        # the transfer's creation row (hash chain of one row)
        hist_t = self.one("SELECT min(id) FROM uchaske_workflow_history")
        self.cr.execute("""
            CREATE TEMP TABLE nat_step AS SELECT r.*, {hash} AS hash FROM (
                SELECT %s + x.g AS res_id, x.inspector_id AS user_id,
                       date_trunc('second', x.move_date) AS date,
                       NULL::varchar AS transition_code, NULL::varchar AS from_state,
                       'draft'::varchar AS to_state, NULL::int AS acting_for_user_id,
                       NULL::text AS comment, NULL::varchar AS legal_basis,
                       NULL::varchar AS document_number, NULL::date AS document_date,
                       'uchaske.registry.transfer'::varchar AS res_model,
                       NULL::varchar AS prev_hash, x.g, x.department_id,
                       x.district_id, x.post_id FROM nat_transfer x) r"""
                        .format(hash=self._hash_sql("r")), [transfer])
        self.clone("uchaske_workflow_history", hist_t, count, {
            "res_model": "s.res_model", "res_id": "s.res_id", "record_name": "NULL",
            "transition_id": "NULL", "transition_code": "NULL",
            "transition_name": "'Created'", "from_state": "NULL", "to_state": "'draft'",
            "from_state_name": "NULL", "to_state_name": "'Draft'",
            "user_id": "s.user_id", "acting_for_user_id": "NULL", "comment": "NULL",
            "legal_basis": "NULL", "document_number": "NULL", "document_date": "NULL",
            "date": "s.date", "department_id": "s.department_id",
            "district_id": "s.district_id", "post_id": "s.post_id",
            "involved_department_id": "NULL", "prev_hash": "NULL", "hash": "s.hash",
        }, source="nat_step s")
        self.cr.execute("UPDATE uchaske_registry_transfer t "
                        "SET wf_history_head = s.hash FROM nat_step s "
                        "WHERE s.res_id = t.id")
        self.cr.execute("DROP TABLE nat_step")
        return count

    def checks(self):
        count = self.n["checks"]
        check_t = self.one("SELECT min(id) FROM uchaske_registry_check")
        base = self.base["uchaske_registry_case"]
        self.cr.execute("""
            CREATE TEMP TABLE nat_supervised AS
            SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, person_id, district_id,
                   department_id, post_id, inspector_id, registered_on
              FROM uchaske_registry_case
             WHERE id > %s AND state = 'supervised'""", [base])
        supervised = self.one("SELECT count(*) FROM nat_supervised")
        if not supervised or not check_t:
            return
        self.clone("uchaske_registry_check", check_t, count, {
            "message_last_post": "NULL", "case_id": "c.id", "person_id": "c.person_id",
            "district_id": "c.district_id", "department_id": "c.department_id",
            "post_id": "c.post_id", "user_id": "c.inspector_id",
            "date": "least(current_date, c.registered_on + 1 + (g / %d) * 30)"
                    % supervised,
            "kind": "'home_visit'", "result": "'complies'", "violation": "NULL",
            "follow_up": "NULL", "create_uid": "c.inspector_id",
            "write_uid": "c.inspector_id",
        }, source="generate_series(1, %d) g JOIN nat_supervised c "
                  "ON c.k = (g - 1) %% %d" % (count, supervised))
        self.cr.execute("""
            UPDATE uchaske_registry_case c SET last_check_date = k.last,
                   next_check_due = k.last + cat.check_cadence_days
              FROM (SELECT case_id, max(date) AS last FROM uchaske_registry_check
                     WHERE case_id > %s GROUP BY case_id) k,
                   uchaske_registry_category cat
             WHERE k.case_id = c.id AND cat.id = c.category_id""", [base])

    def lists(self):
        cases = self.n["cases"]
        owners = self.n["firearm_owners"]
        noncustodial, foreigners = self.n["noncustodial"], self.n["foreigners"]
        person = "p.id"
        src = ("generate_series(1, {n}) g JOIN uchaske_person p ON p.id = {person} "
               "JOIN uchaske_district d ON d.id = p.district_id")
        common = {"message_last_post": "NULL", "person_id": person,
                  "district_id": "d.id", "department_id": "d.department_id",
                  "post_id": "d.post_id", "activity_date_deadline": "NULL",
                  "create_uid": "d.inspector_id", "write_uid": "d.inspector_id"}
        owner_t = self.one("SELECT min(id) FROM uchaske_firearm_owner")
        if owner_t and owners:
            self.clone("uchaske_firearm_owner", owner_t, owners, dict(common, **{
                "name": "p.name || ', W' || lpad(g::text, 7, '0')", "number": "g",
                "weapon_number": "'W' || lpad(g::text, 7, '0')",
                "permit_number": "'P' || g", "address": "p.address",
                "permit_issued_on": "current_date - (g % 1800)",
                "permit_valid_until": "current_date - (g % 1800) + 1825",
                "reregistration_date": "NULL", "seized_date": "NULL",
                "seizure_kind": "NULL",
                "last_check_date": "current_date - (g % 400)",
                "next_check_due": "current_date - (g % 400) + 365",
                "check_alerted_due": "NULL"}),
                source=src.format(n=owners, person=self._person("%d + g - 1" % cases)))
        noncustodial_t = self.one("SELECT min(id) FROM uchaske_noncustodial_person")
        if noncustodial_t and noncustodial:
            self.clone("uchaske_noncustodial_person", noncustodial_t, noncustodial,
                       dict(common, **{
                           "name": "p.name", "number": "g", "address": "p.address",
                           "date_entered": "current_date - (g % 700)",
                           "date_removed": "NULL"}),
                       source=src.format(n=noncustodial, person=self._person("g - 1")))
        foreigner_t = self.one("SELECT min(id) FROM uchaske_foreigner")
        if foreigner_t and foreigners:
            first = cases + owners
            self.cr.execute(
                "UPDATE uchaske_person p SET citizenship_id = "
                "(SELECT id FROM res_country WHERE code = "
                "(ARRAY['UZ','RU','CN','KG','TJ','TR'])[1 + p.id %% 6]) "
                "WHERE p.id > %s AND p.id <= %s",
                [self.base["uchaske_person"] + first,
                 self.base["uchaske_person"] + first + foreigners])
            self.clone("uchaske_foreigner", foreigner_t, foreigners, dict(common, **{
                "name": "p.name", "number": "g", "citizenship_id": "p.citizenship_id",
                "passport_number": "'N' || lpad(g::text, 8, '0')",
                "passport_valid_until": "current_date + (g % 3000) - 60",
                "residence_status": "'temporary'",
                "stay_permitted_from": "current_date - (g % 300)",
                "stay_permitted_until": "current_date - (g % 300) + 365",
                "temporary_address": "p.address", "residence_check_date": "NULL",
                "stay_alerted_until": "NULL", "passport_alerted_until": "NULL"}),
                source=src.format(n=foreigners,
                                  person=self._person("%d + g - 1" % first)))

    def _demo_districts(self):
        """Ids of the demo's own districts (with an inspector)."""
        self.cr.execute("SELECT array_agg(id ORDER BY id) FROM uchaske_district "
                        "WHERE id <= %s AND inspector_id IS NOT NULL",
                        [self.base["uchaske_district"]])
        return self.cr.fetchone()[0]

    def _district_of(self, index):
        """SQL: the district of row ``index`` (over g): a demo district for
        the demo share, else a generated one."""
        demo = self._demo_districts()
        return ("CASE WHEN (%s) %% 1000 < %d THEN (ARRAY%s)[1 + (%s) %% %d] "
                "ELSE %d + 1 + (%s) %% %d END" % (
                    index, int(round(self.demo_share * 1000)), demo, index,
                    len(demo), self.base["uchaske_district"], index,
                    self.n["districts"]))

    @staticmethod
    def _post_officer(post):
        """SQL: joins ``o.user_id``, the inspector of the first district of
        the police point ``post`` (the plans' author and the items'
        assignee: never a demo user)."""
        return ("CROSS JOIN LATERAL (SELECT inspector_id AS user_id FROM "
                "uchaske_district WHERE post_id = %s ORDER BY id LIMIT 1) o" % post)

    def daily_work(self):
        """Passports, monthly plans and items, work notebooks and entries,
        information transmissions and report meetings (issue 11), set-based
        like the rest; a demo share of the transmissions, meetings and
        notebook entries lands in the demo's districts (the demo inspector's
        notebook). Workflow records get no history: their chains are empty
        (``wf_history_head`` NULL), as for records made before the engine."""
        n_dist, n_post = self.n["districts"], self.n["posts"]
        dist, post = self.base["uchaske_district"], self.base["uchaske_post"]
        common = {"message_last_post": "NULL"}
        workflow = dict(common, wf_history_head="NULL", activity_date_deadline="NULL")
        template = self.one("SELECT min(id) FROM uchaske_district_passport")
        count = min(self.n["passports"], n_dist)
        # an upgrade of uchaske_base gives every district its passport
        # (--daily-work-only on an older build): keep those
        existing = self.one(
            "SELECT count(*) FROM uchaske_district_passport WHERE district_id "
            "BETWEEN %d AND %d" % (dist + 1, dist + count)) if count else 0
        if existing:
            print("  passports: %d of the districts have theirs already, kept"
                  % existing, flush=True)
        if template and count and not existing:
            self.clone("uchaske_district_passport", template, count, dict(common, **{
                "district_id": "d.id", "department_id": "d.department_id",
                "post_id": "d.post_id", "date_started": "current_date - 400",
                "date_finished": "NULL", "plan_filename": "NULL"}),
                source="generate_series(1, %d) g JOIN uchaske_district d "
                       "ON d.id = %d + g" % (count, dist))
            # each with this year's figures (A1 §3), as the passport's
            # create gives it: the new-year job then carries them over
            # (bench/passport_year.py)
            year_template = self.one(
                "SELECT min(id) FROM uchaske_district_passport_year "
                "WHERE year = extract(year FROM current_date)")
            if year_template:
                passports = self.base["uchaske_district_passport"]
                self.clone("uchaske_district_passport_year", year_template, count, {
                    "passport_id": "p.id", "district_id": "p.district_id",
                    "department_id": "p.department_id", "post_id": "p.post_id",
                    "confirmed": "false", "confirmed_uid": "NULL",
                    "date_confirmed": "NULL"},
                    source="generate_series(1, %d) g JOIN uchaske_district_passport "
                           "p ON p.id = %d + g" % (count, passports))
        template = self.one("SELECT min(id) FROM uchaske_work_plan")
        plans = self.n["plans"]
        if template and plans:
            # police point (g-1) % posts, one month further back per round
            self.clone("uchaske_work_plan", template, plans, dict(workflow, **{
                "name": "'Plan ' || p.name || ' ' || to_char(m.month, 'YYYY-MM')",
                "post_id": "p.id", "department_id": "p.department_id",
                "district_id": "NULL", "date_month": "m.month", "state": "'approved'",
                "item_count": "10", "item_done_count": "5", "fulfilled_percent": "50",
                "change_reason": "NULL", "author_id": "o.user_id",
                "create_uid": "o.user_id", "write_uid": "o.user_id"}),
                source="generate_series(1, %d) g JOIN uchaske_post p ON p.id = "
                       "%d + 1 + (g - 1) %% %d CROSS JOIN LATERAL (SELECT "
                       "(date_trunc('month', current_date) - ((g - 1) / %d + 1) "
                       "* interval '1 month')::date AS month) m %s"
                       % (plans, post, n_post, n_post, self._post_officer("p.id")))
            template = self.one("SELECT min(id) FROM uchaske_work_plan_item")
            items = self.n["plan_items"]
            if template and items:
                self.clone("uchaske_work_plan_item", template, items, dict(workflow, **{
                    "plan_id": "w.id", "name": "'Measure ' || g",
                    "post_id": "w.post_id", "department_id": "w.department_id",
                    "district_id": "NULL",
                    "date_due": "(w.date_month + interval '1 month' - interval "
                                "'1 day')::date",
                    "state": self.pick(["done", "open", "planned"], "g"),
                    "date_done": "NULL", "result": "NULL", "assignee_id": "o.user_id",
                    "create_uid": "o.user_id", "write_uid": "o.user_id"}),
                    source="generate_series(1, %d) g JOIN uchaske_work_plan w ON "
                           "w.id = %d + 1 + (g - 1) %% %d %s"
                           % (items, self.base["uchaske_work_plan"], plans,
                              self._post_officer("w.post_id")))
        template = self.one("SELECT min(id) FROM uchaske_work_notebook")
        notebooks = min(self.n["notebooks"], n_dist)
        if template and notebooks:
            self.clone("uchaske_work_notebook", template, notebooks, {
                "name": "'Work notebook of ' || d.name", "user_id": "d.inspector_id",
                "create_uid": "d.inspector_id", "write_uid": "d.inspector_id",
                "district_id": "NULL", "department_id": "d.department_id",
                "post_id": "d.post_id"},
                source="generate_series(1, %d) g JOIN uchaske_district d "
                       "ON d.id = %d + g" % (notebooks, dist))
            template = self.one("SELECT min(id) FROM uchaske_work_notebook_entry")
            entries = self.n["notebook_entries"]
            inspector = self.ref("uchaske_base.user_inspector_demo")
            mine = self.one("SELECT min(id) FROM uchaske_work_notebook "
                            "WHERE user_id = %s", [inspector])
            if template and entries:
                per_mille = int(round(self.demo_share * 1000))
                notebook = ("CASE WHEN g %% 1000 < %d AND %s IS NOT NULL THEN %s "
                            "ELSE %d + 1 + g %% %d END" % (
                                per_mille, mine or "NULL", mine or "NULL",
                                self.base["uchaske_work_notebook"], notebooks))
                self.clone("uchaske_work_notebook_entry", template, entries, dict(
                    common, **{
                        "notebook_id": "n.id", "user_id": "n.user_id",
                        "kind": self.pick(["talk", "walk_info"], "g"),
                        "requirement_ref": "NULL",
                        "date": "now() at time zone 'UTC' - g * interval '7 minutes'",
                        "name": "'Entry ' || g", "person_name": "'Person ' || g",
                        "given_by_id": "NULL", "date_due": "NULL", "done": "true",
                        "case_id": "NULL", "create_uid": "n.user_id",
                        "write_uid": "n.user_id",
                        "district_id": "(SELECT min(id) FROM uchaske_district x "
                                       "WHERE x.inspector_id = n.user_id)",
                        "department_id": "n.department_id", "post_id": "n.post_id"}),
                    source="generate_series(1, %d) g JOIN uchaske_work_notebook n "
                           "ON n.id = %s" % (entries, notebook))
        template = self.one("SELECT min(id) FROM uchaske_info_transmission")
        count = self.n["transmissions"]
        if template and count:
            obtained = "now() at time zone 'UTC' - (g % 365) * interval '1 day'"
            self.clone("uchaske_info_transmission", template, count, dict(workflow, **{
                "name": "'Transmission ' || g", "recipient": "'Duty unit'",
                "district_id": "d.id", "department_id": "d.department_id",
                "post_id": "d.post_id", "user_id": "d.inspector_id",
                "create_uid": "d.inspector_id", "write_uid": "d.inspector_id",
                "date_obtained": obtained,
                "date_due": "%s + interval '1 day'" % obtained,
                "date_sent": "CASE WHEN g %% 20 = 0 THEN NULL ELSE %s + interval "
                             "'2 hours' END" % obtained,
                "state": "CASE WHEN g % 20 = 0 THEN 'to_send' WHEN g % 3 = 0 "
                         "THEN 'verified' ELSE 'sent' END",
                "is_late": "false",
                "on_time_count": "CASE WHEN g % 20 = 0 THEN 0 ELSE 1 END",
                "late_count": "0", "verification_result": "NULL",
                "date_verified": "NULL"}),
                source="generate_series(1, %d) g JOIN uchaske_district d ON d.id = %s"
                       % (count, self._district_of("g")))
        template = self.one("SELECT min(id) FROM uchaske_meeting")
        count = self.n["meetings"]
        if template and count:
            self.clone("uchaske_meeting", template, count, dict(workflow, **{
                "name": "'Report meeting ' || g", "district_id": "d.id",
                "department_id": "d.department_id", "post_id": "d.post_id",
                "inspector_id": "d.inspector_id", "is_joint": "false",
                "create_uid": "d.inspector_id", "write_uid": "d.inspector_id",
                "date_meeting": "current_date - (g % 720) + 30",
                "state": "CASE WHEN g %% 720 < 30 THEN 'planned' ELSE %s END"
                         % self.pick(["closed", "protocol_signed", "held"], "g"),
                "previous_meeting_id": "NULL", "signed_by_id": "NULL",
                "signed_on": "NULL", "purge_due": "NULL", "purge_listed_on": "NULL",
                "materials_removed_on": "NULL"}),
                source="generate_series(1, %d) g JOIN uchaske_district d ON d.id = %s"
                       % (count, self._district_of("g")))


def add_daily_work(target, sizes, demo_share):
    """Add the daily work to ``target``, built by this script: the generated
    districts ("District <g>") and police points (of the "NAT" departments)
    are found again, the other sizes are ``sizes``."""
    cnx = connect(target)
    builder = Builder(cnx.cursor(), sizes, demo_share)
    builder.cr.execute("SET synchronous_commit = off")
    builder.cr.execute("SELECT min(id) - 1, count(*) FROM uchaske_district "
                       "WHERE name ~ '^District [0-9]+$'")
    builder.base["uchaske_district"], sizes["districts"] = builder.cr.fetchone()
    builder.cr.execute("SELECT min(p.id) - 1, count(*) FROM uchaske_post p JOIN "
                       "uchaske_department d ON d.id = p.department_id "
                       "WHERE d.code LIKE 'NAT%'")
    builder.base["uchaske_post"], sizes["posts"] = builder.cr.fetchone()
    if not sizes["districts"] or not sizes["posts"]:
        sys.exit("%s was not built by bench/national.py" % target)
    begin = time.perf_counter()
    builder.daily_work()
    cnx.commit()
    cnx.autocommit = True
    builder.cr.execute("VACUUM ANALYZE")
    print("daily work added to %s in %.1f s" % (target, time.perf_counter() - begin))
    cnx.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", default="uchaske_demo")
    parser.add_argument("--to", dest="target", default="uchaske_national")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="national sizes times this (default 1.0)")
    for name in NATIONAL:
        parser.add_argument("--" + name.replace("_", "-"), dest=name, type=int,
                            help="default: %d x scale" % NATIONAL[name])
    parser.add_argument("--demo-share", type=float, default=0.03,
                        help="share of persons (and so of cases and list rows) "
                             "in the demo's own districts (default 0.03)")
    parser.add_argument("--force", action="store_true",
                        help="drop the target first if it exists")
    parser.add_argument("--drop", action="store_true",
                        help="only drop the target database")
    parser.add_argument("--daily-work-only", action="store_true",
                        help="add only the daily work (passports ... meetings) "
                             "to the target, a database this script built "
                             "before that part existed")
    args = parser.parse_args()
    if not args.target.startswith("uchaske_") or args.target == args.source:
        sys.exit("the target must be a uchaske_* database other than the source")
    if args.drop:
        drop(args.target)
        print("dropped %s" % args.target)
        return
    sizes = sizes_from(args)
    if args.daily_work_only:
        add_daily_work(args.target, sizes, args.demo_share)
        return
    print("building %s from %s: %s" % (args.target, args.source, ", ".join(
        "%s %d" % item for item in sizes.items())))
    timings = []
    start = time.perf_counter()
    copy_database(args.source, args.target, args.force)
    timings.append(("copy of %s" % args.source, time.perf_counter() - start))
    cnx = connect(args.target)
    builder = Builder(cnx.cursor(), sizes, args.demo_share)
    builder.cr.execute("SET synchronous_commit = off")
    parts = [("hash chain check on the demo rows", builder.check_hash_sql),
             ("departments, police points, districts, users", builder.organisation),
             ("persons with valid IINs, addresses", builder.persons),
             ("register cases", builder.cases),
             ("workflow history (hash chains)", builder.history),
             ("transfers, deadline lines, activities", builder.transfers),
             ("checks", builder.checks),
             ("lists of Appendices 2-4", builder.lists),
             ("daily work (passports ... meetings)", builder.daily_work)]
    for label, part in parts:
        begin = time.perf_counter()
        part()
        cnx.commit()
        timings.append((label, time.perf_counter() - begin))
        print("  %-48s %7.1f s" % (label, timings[-1][1]), flush=True)
    begin = time.perf_counter()
    cnx.autocommit = True
    builder.cr.execute("VACUUM ANALYZE")
    timings.append(("VACUUM ANALYZE", time.perf_counter() - begin))
    builder.cr.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
    size = builder.cr.fetchone()[0]
    counts = {}
    for table in ("uchaske_department", "uchaske_post", "uchaske_district", "res_users",
                  "uchaske_person", "uchaske_registry_case", "uchaske_workflow_history",
                  "uchaske_registry_check", "uchaske_workflow_deadline_line",
                  "mail_activity", "uchaske_firearm_owner",
                  "uchaske_noncustodial_person", "uchaske_foreigner",
                  "uchaske_district_passport", "uchaske_work_plan",
                  "uchaske_work_plan_item", "uchaske_work_notebook",
                  "uchaske_work_notebook_entry", "uchaske_info_transmission",
                  "uchaske_meeting"):
        builder.cr.execute("SELECT count(*) FROM %s" % table)
        counts[table] = builder.cr.fetchone()[0]
    cnx.close()
    print("  %-48s %7.1f s" % timings[0])
    print("  %-48s %7.1f s" % timings[-1])
    print("rows: " + ", ".join("%s %d" % (t.replace("uchaske_", ""), n)
                               for t, n in counts.items()))
    print("total %.1f s; database %s: %s" % (time.perf_counter() - start,
                                             args.target, size))


if __name__ == "__main__":
    main()
