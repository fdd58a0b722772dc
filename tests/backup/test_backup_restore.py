"""Backup → restore round trip of the test database through ``./uchaske``
(issue 15), with the server running: the demo data plus cases moved through
the workflow over XML-RPC by the demo role users and a file on a register
case. The restored copy has the same rows per table, every workflow history
chain verifies (R16), the R15 access journal is complete, the attachments
are byte-identical, and each user logs in and sees the same records. A
truncated or tampered archive, a missing filestore file, a manifest that
does not match the dump, and a restore onto an existing name without
``--replace`` are refused in one line, leaving no database behind."""
import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS_DIR))
sys.path.insert(0, str(TESTS_DIR.parent / "scripts"))
import _servers  # noqa: E402
import backup  # noqa: E402  (scripts/backup.py)

ROOT = TESTS_DIR.parent
WF_MODEL = "uchaske.wf.test.case"
REGISTER = {"legal_basis": "Court decision", "document_number": "2-115/2026",
            "document_date": "2026-10-01"}
LOGINS = ("assistant", "inspector", "responsible", "chief",
          "assistant2", "inspector2", "responsible2", "chief2")
#: what each user's view is compared on (the workflow models are added)
VIEWED = ["uchaske.person", "ir.attachment"]


Rpc = _servers.Rpc


def _cli(*args):
    return subprocess.run([str(ROOT / "uchaske")] + list(args), cwd=str(ROOT),
                          capture_output=True, text=True, timeout=300)


def _conf():
    return backup.read_config(ROOT / "odoo.conf")


def _counts(db):
    cnx = backup.connect(_conf(), db)
    try:
        with cnx.cursor() as cr:
            counts, _models, _modules, referenced = backup.read_state(cr)
    finally:
        cnx.close()
    return counts, referenced


def _drop(db):
    conf = _conf()
    if backup.db_exists(conf, db):
        backup.admin_sql(conf, "DROP DATABASE {} WITH (FORCE)", db)
    store = Path(conf["data_dir"]) / "filestore" / db
    if store.exists():
        shutil.rmtree(str(store))


def _file_sums(db, names):
    store = Path(_conf()["data_dir"]) / "filestore" / db
    return {name: hashlib.sha256((store / name).read_bytes()).hexdigest()
            for name in names}


def _views(url, db, workflow_models):
    """{login: {model: ids}} as each demo user sees it."""
    views = {}
    for login in LOGINS:
        rpc = Rpc(url, db, login)
        views[login] = {model: rpc.call(model, "search", [], order="id")
                        for model in workflow_models + VIEWED}
    return views


@pytest.fixture(scope="module")
def made(odoo_server, tmp_path_factory):
    """Records in several states made by the role users, a file on a case,
    then ``./uchaske backup`` of the live database."""
    db = _servers.target_db()
    restored = db + "_restored"
    for name in (restored, restored + backup.TMP_SUFFIX):
        _drop(name)
    admin = Rpc(odoo_server, db, "admin", "admin")
    district = admin.call("ir.model.data", "xmlid_to_res_id",
                          "uchaske_base.district_yesil_1_demo")
    users = {login: Rpc(odoo_server, db, login) for login in
             ("assistant", "inspector", "responsible", "chief")}
    states = {}
    for final in ("draft", "registered", "closing", "closed"):
        case = users["assistant"].call(WF_MODEL, "create", {
            "name": "Backup %s" % final, "district_id": district})
        if final != "draft":
            users["inspector"].call(WF_MODEL, "wf_apply", [case], "register",
                                    values=REGISTER)
        if final in ("closing", "closed"):
            users["responsible"].call(WF_MODEL, "wf_apply", [case], "request_close",
                                      values={"comment": "term over",
                                              "legal_basis": "Art. 10"})
        if final == "closed":
            users["chief"].call(WF_MODEL, "wf_apply", [case], "approve_close")
        states[case] = final
    reg_case = users["inspector"].call("uchaske.registry.case", "search", [],
                                       limit=1, order="id")[0]
    content = os.urandom(64 * 1024)
    attachment = users["inspector"].call("ir.attachment", "create", {
        "name": "protocol-scan.bin", "datas_fname": "protocol-scan.bin",
        "datas": base64.b64encode(content).decode(),
        "res_model": "uchaske.registry.case", "res_id": reg_case})
    workflow_models = sorted({row["model"] for row in admin.call(
        "uchaske.workflow", "search_read", [], ["model"])})
    views = _views(odoo_server, db, workflow_models)
    case_model = "uchaske.registry.case"
    assert views["inspector"][case_model] and views["inspector2"][case_model]
    assert not (set(views["inspector"][case_model])
                & set(views["inspector2"][case_model]))
    assert set(states) <= set(views["chief"][WF_MODEL])
    journal = _counts(db)[0]["uchaske_access_log"]

    out = tmp_path_factory.mktemp("archives")
    done = _cli("backup", db, "--dir", str(out))  # the server keeps running
    assert done.returncode == 0, done.stderr
    archive, = out.glob("*.tar")
    with tarfile.open(str(archive)) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    yield {"db": db, "restored": restored, "archive": archive, "manifest": manifest,
           "states": states, "attachment": attachment, "content": content,
           "views": views, "journal": journal, "workflow_models": workflow_models,
           "out": out}
    for name in (restored, restored + backup.TMP_SUFFIX):
        _drop(name)


def _refused(made, archive, *flags, message):
    done = _cli("restore", str(archive), "--as", made["restored"], *flags)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr
    assert lines[0].startswith("restore: ")
    assert "Traceback" not in done.stderr


def _left_nothing(made, existed=False):
    conf = _conf()
    assert backup.db_exists(conf, made["restored"]) is existed
    assert not backup.db_exists(conf, made["restored"] + backup.TMP_SUFFIX)
    data_dir = Path(conf["data_dir"])
    assert (data_dir / "filestore" / made["restored"]).exists() is existed
    assert not list(data_dir.glob(".restore-%s-*" % made["restored"]))


def test_manifest_describes_the_database(made):
    """Versions, commit, the snapshot's row counts and the files."""
    manifest = made["manifest"]
    assert manifest["database"] == made["db"]
    assert manifest["modules"]["uchaske_registry"].startswith("11.0.")
    assert manifest["odoo_version"].startswith("11.0")
    assert len(manifest["git_commit"].split("-")[0]) == 40
    assert manifest["row_counts"]["uchaske_access_log"] == made["journal"]
    assert manifest["models"]["uchaske.registry.case"] == "uchaske_registry_case"
    assert manifest["filestore"]["files"] >= 1
    assert manifest["filestore"]["referenced_missing"] == []
    assert set(manifest["members"]) >= {"database.dump"}


def _copy(made, name, change):
    bad = made["out"] / name
    with tarfile.open(str(made["archive"])) as tin, tarfile.open(str(bad), "w") as tout:
        for info in tin:
            data = tin.extractfile(info).read()
            changed = change(info, data)
            if changed:
                info, data = changed
                info.size = len(data)
                tout.addfile(info, io.BytesIO(data))
    return bad


def test_bad_archives_are_refused_and_leave_nothing(made):
    """Truncated, tampered, without a filestore file, or a manifest whose
    counts do not match the dump (fails after pg_restore): one line, exit
    1, no database and no filestore copy left."""
    raw = made["archive"].read_bytes()
    cut = made["out"] / "cut.tar"
    cut.write_bytes(raw[:len(raw) // 2])
    _refused(made, cut, message="truncated")
    _left_nothing(made)

    flipped = bytearray(raw)
    with tarfile.open(str(made["archive"])) as tar:
        dump = tar.getmember("database.dump")
    flipped[dump.offset_data + 4000] ^= 0xFF
    tampered = made["out"] / "tampered.tar"
    tampered.write_bytes(bytes(flipped))
    _refused(made, tampered, message="database.dump fails its sha256 checksum")
    _left_nothing(made)

    no_file = _copy(made, "nofile.tar", lambda info, data: (
        None if info.name.startswith("filestore/") else (info, data)))
    _refused(made, no_file, message="missing (filestore file")
    _left_nothing(made)

    def lie(info, data):
        if info.name == "manifest.json":
            manifest = json.loads(data)
            manifest["row_counts"]["uchaske_access_log"] += 1
            data = json.dumps(manifest).encode()
        return info, data
    lying = _copy(made, "lying.tar", lie)
    _refused(made, lying, message="row counts differ")
    _left_nothing(made)


def test_restore_round_trip(made):
    """Same rows per table, R15 journal complete, files byte-identical,
    every workflow history chain verifies (R16), each user logs in and
    sees exactly what they saw before."""
    db, restored = made["db"], made["restored"]
    done = _cli("restore", str(made["archive"]), "--as", restored)
    assert done.returncode == 0, done.stderr
    counts, referenced = _counts(restored)
    assert backup.count_problems(made["manifest"]["row_counts"], counts) == []
    assert counts["uchaske_access_log"] == made["journal"]
    assert counts["uchaske_workflow_history"] > 0
    assert referenced and _file_sums(restored, referenced) == _file_sums(db, referenced)

    port = _servers.free_port()
    server = _servers.start_odoo("restored-odoo", restored, port)
    try:
        url = "http://127.0.0.1:%d" % port
        admin = Rpc(url, restored, "admin", "admin")
        checked = 0
        for model in made["workflow_models"]:
            ids = admin.call(model, "search", [], context={"active_test": False})
            # a workflow without records (a test-only model) has no chain
            if ids:
                checked += 1
                assert admin.call(model, "wf_check_history", ids) is True, model
        assert checked >= 2, "no workflow records restored"
        rows = admin.call(WF_MODEL, "read", list(made["states"]), ["state"])
        assert {row["id"]: row["state"] for row in rows} == made["states"]
        data = admin.call("ir.attachment", "read", [made["attachment"]], ["datas"])
        assert base64.b64decode(data[0]["datas"]) == made["content"]
        assert _views(url, restored, made["workflow_models"]) == made["views"]
    finally:
        server.stop()


def test_existing_name_needs_replace(made):
    """Without --replace the existing database is left alone; with it the
    copy is replaced by a verified one."""
    before = _counts(made["restored"])[0]
    _refused(made, made["archive"], message="exists; restoring over it needs --replace")
    _left_nothing(made, existed=True)
    assert _counts(made["restored"])[0] == before
    done = _cli("restore", str(made["archive"]), "--as", made["restored"],
                "--replace")
    assert done.returncode == 0, done.stderr
    assert backup.count_problems(made["manifest"]["row_counts"],
                                 _counts(made["restored"])[0]) == []
    _left_nothing(made, existed=True)
