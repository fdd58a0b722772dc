"""Dashboards benchmark (issues 13 and 14): what opening each dashboard
costs, at national size, as the inspector, the responsible inspector and
the chief.

Every action of the *Dashboards* menu is read from the database as the web
client reads it: the action's domain and the filters its context selects by
default (``search_default_<filter>`` in the action's search view, evaluated
with today's date), its pivot view's rows, columns and measures and its
graph view's groupings and measure. Opening the action runs the pivot's
``read_group`` calls as the web client does (one per prefix of the rows x
prefix of the columns, ``lazy=False``); switching to the graph runs one
more. Each is measured through the ORM as the user (record rules, the R15
journal, the groups' names) against the same aggregates by raw SQL (the
rules' and the domain's condition compiled once outside the timing, the
groups' names by joins) in the same run: medians of ``--repeat`` calls
after ``--warmup``, interleaved (``national_measures.measure``). The script
checks that both count the same records. Goal: <= 3x raw and <= 100 ms.

With ``--refresh``, the daily job that refreshes the stored buckets (one
UPDATE per table) is timed first. Nothing is committed.

    .venv/bin/python bench/dashboard.py --db uchaske_national
        [--users inspector,responsible,chief] [--repeat 20] [--warmup 3]
        [--only Meetings] [--refresh]
"""
import argparse
import datetime
import os
import sys
import time

from dateutil.relativedelta import relativedelta
from lxml import etree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from national_measures import measure  # noqa: E402  (bench/, beside this)

#: the goal of issue 14 for what a user opens
RATIO_GOAL, TIME_GOAL = 3.0, 0.100


def dashboard_actions(env):
    """The window actions of the Dashboards menu, in the menu's order."""
    menu = env.ref("uchaske_base.uchaske_dashboard_menu")
    menus = env["ir.ui.menu"].search([("parent_id", "=", menu.id)],
                                     order="sequence, id")
    return [item.action for item in menus
            if item.action and item.action._name == "ir.actions.act_window"]


def _eval_context(user, today):
    return {"uid": user.id, "user": user, "context_today": lambda: today,
            "relativedelta": relativedelta, "datetime": datetime, "time": time}


def action_domain(Model, action, user, today):
    """The domain the web client sends when it opens ``action`` as
    ``user`` on ``today``: the action's own and its default filters'."""
    from odoo.osv import expression
    from odoo.tools.safe_eval import safe_eval
    values = _eval_context(user, today)
    context = safe_eval(action.context or "{}", values)
    domain = safe_eval(action.domain or "[]", values)
    arch = etree.fromstring(Model.fields_view_get(
        view_id=action.search_view_id.id, view_type="search")["arch"])
    for key, selected in sorted(context.items()):
        if not key.startswith("search_default_") or not selected:
            continue
        node = arch.find(".//filter[@name='%s']" % key[len("search_default_"):])
        if node is not None and node.get("domain"):
            domain = expression.AND([domain, safe_eval(node.get("domain"), values)])
    return domain


def _view_arch(Model, action, mode):
    view = action.view_ids.filtered(lambda line: line.view_mode == mode)[:1]
    return etree.fromstring(Model.fields_view_get(
        view_id=view.view_id.id or None, view_type=mode)["arch"])


def _name(node):
    interval = node.get("interval")
    return node.get("name") + (":" + interval if interval else "")


def pivot_calls(Model, action):
    """The pivot's read_group calls when it opens: (fields, groupby) for
    every prefix of its rows with every prefix of its columns."""
    arch = _view_arch(Model, action, "pivot")
    fields = arch.findall("field")
    rows = [_name(node) for node in fields if node.get("type") == "row"]
    cols = [_name(node) for node in fields if node.get("type") == "col"]
    measures = [node.get("name") for node in fields
                if node.get("type") == "measure"] or ["__count"]
    names = [spec.split(":")[0] for spec in rows + cols] + measures
    return [(names, rows[:i] + cols[:j])
            for i in range(len(rows) + 1) for j in range(len(cols) + 1)]


def graph_call(Model, action):
    """The graph's read_group: (fields, groupby)."""
    groupby, measure_ = [], None
    for node in _view_arch(Model, action, "graph").findall("field"):
        if node.get("type") == "measure":
            measure_ = node.get("name")
        else:
            groupby.append(_name(node))
    fields = [spec.split(":")[0] for spec in groupby]
    return fields + ([measure_] if measure_ else []), groupby


def raw_group_sql(Model, domain, fields, groupby):
    """(SQL, params, position of the count) of the same aggregate by
    hand: the rows the user may read under ``domain`` (the rules' and the
    domain's condition compiled once, here), grouped by the same columns (a
    date by its interval), the many2ones' names joined (a user's: the
    partner's), the count and the sums of the stored number fields."""
    query = Model._where_calc(domain)
    Model._apply_ir_rules(query, "read")
    from_clause, where_clause, params = query.get_sql()
    table = Model._table
    keys, names, joins = [], [], []
    for index, spec in enumerate(groupby):
        name, _sep, interval = spec.partition(":")
        field = Model._fields[name]
        column = '"%s"."%s"' % (table, name)
        if field.type in ("date", "datetime"):
            column = "date_trunc('%s', %s)" % (interval or "month", column)
        keys.append(column)
        if field.type != "many2one":
            continue
        alias = "g%d" % index
        if field.comodel_name == "res.users":
            joins.append('LEFT JOIN res_users %s ON %s.id = %s LEFT JOIN '
                         'res_partner %sp ON %sp.id = %s.partner_id'
                         % (alias, alias, column, alias, alias, alias))
            names.append("%sp.name" % alias)
        else:
            comodel = Model.env[field.comodel_name]
            if "name" in comodel._fields and comodel._fields["name"].store:
                joins.append('LEFT JOIN "%s" %s ON %s.id = %s'
                             % (comodel._table, alias, alias, column))
                names.append("%s.name" % alias)
    sums = ['sum("%s"."%s")' % (table, name) for name in fields
            if name in Model._fields and name not in [
                spec.split(":")[0] for spec in groupby]
            and Model._fields[name].store
            and Model._fields[name].type in ("integer", "float", "monetary")]
    select = keys + names + ["count(*)"] + sums
    sql = "SELECT %s FROM %s %s WHERE %s" % (
        ", ".join(select), from_clause, " ".join(joins), where_clause or "TRUE")
    if keys:
        sql += " GROUP BY %s ORDER BY %s" % (
            ", ".join(keys + names), ", ".join(keys))
    return sql, params, len(keys) + len(names)


def measure_action(env, action, user, today, args):
    """Rows of the table for one action and one user: the pivot's opening
    and the graph, each against raw SQL; None if the user may not read the
    model."""
    cr = env.cr
    Model = env[action.res_model].sudo(user)
    if not Model.check_access_rights("read", raise_exception=False):
        return []
    domain = action_domain(Model, action, user, today)
    rows = []
    for view, calls in (("pivot", pivot_calls(Model, action)),
                        ("graph", [graph_call(Model, action)])):
        raws = [raw_group_sql(Model, domain, fields, groupby)
                for fields, groupby in calls]

        def orm(calls=calls):
            Model.invalidate_cache()
            return [Model.read_group(domain, fields, groupby, lazy=False)
                    for fields, groupby in calls]

        def raw(raws=raws):
            result = []
            for query, params, _count in raws:
                cr.execute(query, params)
                result.append(cr.fetchall())
            return result

        # the finest grouping counts the same records both ways
        groups, count_at = orm()[-1], raws[-1][2]
        records = sum(group["__count"] for group in groups)
        raw_records = sum(row[count_at] for row in raw()[-1])
        assert records == raw_records, (action.name, view, records, raw_records)
        rows.append((action.with_context(lang="en_US").name, user.login, view,
                     len(calls), len(groups), records,
                     measure(orm, raw, args.repeat, args.warmup, cr)))
    return rows


def refresh_buckets(env):
    """The daily job's UPDATEs, timed: twice per table (the second run
    finds nothing to change)."""
    Bucket = env["uchaske.dashboard.bucket.mixin"]
    timings = []
    for name in Bucket._dashboard_bucket_models():
        model = env[name]
        env.cr.execute('SELECT count(*) FROM "%s"' % model._table)
        size = env.cr.fetchone()[0]
        for label in (name, name + " (again)"):
            start = time.perf_counter()
            changed = model._dashboard_refresh()
            timings.append((label, size, changed, time.perf_counter() - start))
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="uchaske_national")
    parser.add_argument("--users", default="inspector,responsible,chief")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--only", help="the dashboards whose English name "
                        "contains this text")
    parser.add_argument("--refresh", action="store_true",
                        help="time the daily bucket refresh first")
    args = parser.parse_args()

    from uchaske_compat.launcher import load_odoo
    odoo = load_odoo()
    registry = odoo.registry(args.db)
    refresh = []
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        if args.refresh:
            refresh = refresh_buckets(env)
        today = datetime.date.today()
        users = [env["res.users"].search([("login", "=", login)])
                 for login in args.users.split(",")]
        for name, size, changed, seconds in refresh:
            print("refresh %-36s %9d rows %9d changed %8.0f ms" % (
                name, size, changed, seconds * 1000))
        print("\nDashboards on %s, median of %d after %d warm-up (ORM "
              "read_group as the user vs the same GROUP BY in raw SQL):\n"
              % (args.db, args.repeat, args.warmup))
        print("| dashboard | user | view | calls | groups | records | ORM | SQL "
              "| raw SQL | SQL | ratio | goal | met |")
        print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
              flush=True)
        for action in dashboard_actions(env):
            if args.only and args.only.lower() not in action.with_context(
                    lang="en_US").name.lower():
                continue
            for user in users:
                user_env = env(user=user.id, context=dict(
                    env.context, lang=user.lang, tz=user.tz))
                for row in measure_action(
                        user_env, user_env["ir.actions.act_window"].browse(
                            action.id), user, today, args):
                    print_row(*row)
        cr.rollback()


def print_row(label, login, view, calls, groups, records, timing):
    value, base, sql_count, base_sql = timing
    ratio = value / base if base else float("inf")
    met = ratio <= RATIO_GOAL and value <= TIME_GOAL
    print("| %s | %s | %s | %d | %d | %d | %.1f ms | %d | %.2f ms | %d | "
          "%.1fx | <= 3x raw, <= 100 ms | %s |" % (
              label, login, view, calls, groups, records, value * 1000,
              sql_count, base * 1000, base_sql, ratio,
              "yes" if met else "no"), flush=True)


if __name__ == "__main__":
    main()
