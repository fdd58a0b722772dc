#!/usr/bin/env bash
# The whole test suite (called by "./uchaske test" after install + PostgreSQL
# start). Each stage records its counts in var/test-results/; the last line is
# "N passed, N failed". Exit status is non-zero on any failure.
#   stages: lint, compat (shims, legal rules), install, addons, bench,
#   browser+prod, backup, upgrade, regression
# UCHASKE_SKIP_STAGES="regression browser" skips stages (local use only;
# skipped stages are reported).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESULTS=var/test-results
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
PY=.venv/bin/python
PYTEST=(.venv/bin/python -m uchaske_compat.pytest_main -p no:cacheprovider -q -rfE)
TEST_DB=uchaske_test
# uchaske_wf_test: the engine's test-only model (never in the demo database)
# uchaske_geo: district boundaries (PostGIS, template1 has it: scripts/pg.sh)
ADDONS=uchaske_base,uchaske_registry,uchaske_meetings,uchaske_geo,uchaske_wf_test
export UCHASKE_TEST_DB=$TEST_DB
SKIP=" ${UCHASKE_SKIP_STAGES:-} "

skip() { case "$SKIP" in *" $1 "*) echo "== stage $1: SKIPPED (UCHASKE_SKIP_STAGES)"; echo "$1" >> "$RESULTS/skipped"; return 0;; esac; return 1; }
record() { $PY scripts/test_summary.py record "$RESULTS" "$1" "$2" "$3"; }  # stage passed failed

if ! skip lint; then
  echo "== stage lint: flake8 + pylint-odoo"
  if .venv/bin/flake8 addons uchaske_compat uchaske_rules tests scripts bench; then record flake8 1 0; else record flake8 0 1; fi
  # translation catalogues: entries separated and unique (parallel branches append to them)
  if $PY scripts/po_tidy.py --check addons/*/i18n/*.po; then record po 1 0; else record po 0 1; fi
  if .venv/bin/pylint --rcfile=.pylintrc addons/uchaske_base addons/uchaske_registry \
      addons/uchaske_meetings addons/uchaske_geo addons/uchaske_wf_test uchaske_rules; then
    record pylint-odoo 1 0; else record pylint-odoo 0 1; fi
fi

if ! skip compat; then
  echo "== stage compat: shims, safe_eval refusal suite, legal rules (uchaske_rules, no Odoo)"
  "${PYTEST[@]}" -p no:odoo --junitxml="$RESULTS/compat.xml" tests/compat tests/regression tests/rules
fi

if ! skip install; then
  echo "== stage install: fresh $TEST_DB with $ADDONS and demo data"
  mkdir -p var/logs
  rm -f var/logs/install.log  # Odoo appends to its log file
  # the test database is the suite's own: end leftover sessions and drop it
  if ! ./uchaske drop-db "$TEST_DB" --yes-drop-database --force >/dev/null; then
    echo "cannot drop $TEST_DB: the install stage would test a stale database"
    record install 0 1
  elif $PY -m uchaske_compat -c odoo.conf -d "$TEST_DB" -i "$ADDONS" --stop-after-init \
      --log-level=info --logfile="$ROOT/var/logs/install.log"; then
    # our addons must install without a warning or an error
    # (lines not ours are listed with their reason in tests/install_log_allowlist.md)
    if grep -E " (WARNING|ERROR|CRITICAL) " var/logs/install.log \
        | grep -v -F -f tests/install_log_allowlist.txt; then
      record install 0 1
    else
      record install 1 0
    fi
  else
    tail -50 var/logs/install.log; record install 0 1
  fi
fi

if ! skip addons; then
  echo "== stage addons: Odoo tests of our addons (pytest-odoo, SavepointCase)"
  "${PYTEST[@]}" --odoo-config=odoo.conf --odoo-database="$TEST_DB" \
    --junitxml="$RESULTS/addons.xml" addons
fi

if ! skip bench; then
  # issue 14: the national-scale benchmark at a small size, built from the test
  # database (nobody may be connected to it) -- a smoke test: it must finish
  # (build + measures, < 2 min; the load test of the production mode, prefork
  # behind nginx, 2 and 4 users for 5 s each, < 60 s), not meet the national
  # goals; it drops its database
  echo "== stage bench: national benchmark at a small size (smoke)"
  BENCH_DB=uchaske_national_small
  if timeout 300 $PY bench/national.py --from "${UCHASKE_BENCH_FROM:-$TEST_DB}" \
        --to "$BENCH_DB" --scale 0.002 --force \
      && timeout 300 $PY bench/national_measures.py --db "$BENCH_DB" --repeat 20 --warmup 3 --other-rows 20000 \
      && timeout 300 $PY bench/import_a4.py --db "$BENCH_DB" --rows 100 \
      && timeout 300 $PY bench/dashboard.py --db "$BENCH_DB" --repeat 3 --warmup 1 \
      && timeout 300 $PY bench/passport_year.py --db "$BENCH_DB" \
      && timeout 300 $PY bench/alert_jobs.py --db "$BENCH_DB" \
      && timeout 120 $PY bench/load.py --db "$BENCH_DB" --users 2,4 --seconds 5; then
    record bench 1 0
  else
    record bench 0 1
  fi
  $PY bench/national.py --to "$BENCH_DB" --drop >/dev/null || record bench-drop 0 1
fi

if ! skip browser; then
  echo "== stage browser: headless Chromium per role; production behind nginx; XML-RPC"
  "${PYTEST[@]}" -p no:odoo --junitxml="$RESULTS/browser.xml" tests/browser tests/prod tests/rpc
fi

if ! skip backup; then
  echo "== stage backup: ./uchaske backup -> restore round trip, refused archives"
  "${PYTEST[@]}" -p no:odoo --junitxml="$RESULTS/backup.xml" tests/backup
fi

if ! skip upgrade; then
  echo "== stage upgrade: previous release (tests/upgrade/previous_release.txt) -> ./uchaske upgrade"
  "${PYTEST[@]}" -p no:odoo --junitxml="$RESULTS/upgrade.xml" tests/upgrade
fi

if ! skip regression; then
  echo "== stage regression: Odoo's own base and mail test suites under the shims"
  $PY scripts/odoo_regression.py
  if [ -f var/regression/result.json ]; then
    cp var/regression/result.json "$RESULTS/regression.json"
  else
    record regression 0 1
  fi
fi

exec $PY scripts/test_summary.py report "$RESULTS"
