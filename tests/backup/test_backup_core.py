"""The pure part of scripts/backup.py and its archive format, without a
database (issue 15): names, manifest checks, and the archive refused when it
is truncated, tampered with, or lacks a filestore member."""
import datetime
import hashlib
import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import backup  # noqa: E402  (scripts/backup.py)

NOW = datetime.datetime(2026, 12, 2, 8, 30, 5, tzinfo=datetime.timezone(
    datetime.timedelta(hours=5)))


def test_archive_name_is_utc_and_sortable():
    assert backup.archive_name("uchaske_prod", NOW) == \
        "uchaske_prod-20261202T033005Z.tar"


@pytest.mark.parametrize("name", ["", "-x", "a b", "x;drop", "a/b", "x" * 60])
def test_bad_database_names_are_refused(name):
    with pytest.raises(backup.BackupError):
        backup.check_db_name(name)


def test_safe_members():
    assert backup.safe_member("database.dump")
    assert backup.safe_member("filestore/ab/abcdef")
    for name in ("filestore/../x", "/etc/passwd", "filestore/", "other",
                 "filestore/a//b", "filestore/a\\b"):
        assert not backup.safe_member(name), name


def test_model_tables_keep_stored_models_only():
    assert backup.model_tables(
        ["uchaske.registry.case", "uchaske.workflow.mixin", "res.users"],
        {"uchaske_registry_case": 3, "res_users": 2}) == {
            "res.users": "res_users", "uchaske.registry.case": "uchaske_registry_case"}


def test_count_problems_name_each_table():
    assert backup.count_problems({"a": 1, "b": 2}, {"a": 1, "b": 2}) == []
    assert backup.count_problems({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 0}) == [
        "b: 2 rows in the manifest, 3 restored",
        "c: None rows in the manifest, 0 restored"]


def test_member_problem():
    entry = {"sha256": "ab", "size": 3}
    assert backup.member_problem("x", entry, "ab", 3) is None
    assert "truncated" in backup.member_problem("x", entry, "ab", 2)
    assert "checksum" in backup.member_problem("x", entry, "cd", 3)
    assert "not in the manifest" in backup.member_problem("x", None, "ab", 3)


def test_parse_manifest_refuses_foreign_or_unsafe():
    good = {"format": backup.FORMAT, "row_counts": {},
            "members": {"database.dump": {"sha256": "x", "size": 1}}}
    assert backup.parse_manifest(json.dumps(good).encode())["format"] == backup.FORMAT
    with pytest.raises(backup.BackupError, match="JSON"):
        backup.parse_manifest(b"{not json")
    with pytest.raises(backup.BackupError, match="not an Uchaske backup"):
        backup.parse_manifest(json.dumps(dict(good, format="other")).encode())
    unsafe = dict(good, members=dict(good["members"], **{"filestore/../../x": {}}))
    with pytest.raises(backup.BackupError, match="unsafe"):
        backup.parse_manifest(json.dumps(unsafe).encode())


# -- the archive --------------------------------------------------------------

@pytest.fixture
def made(tmp_path):
    """An archive of a fake dump and a filestore of two files."""
    dump = tmp_path / "db.dump"
    dump.write_bytes(b"PGDMP" + bytes(range(256)) * 40)
    store = tmp_path / "store"
    (store / "ab").mkdir(parents=True)
    (store / "ab" / "ab12").write_bytes(b"photo of the meeting")
    (store / "cd").mkdir()
    (store / "cd" / "cd34").write_bytes(b"%PDF-1.4 protocol")
    path = tmp_path / "out" / "x.tar"
    path.parent.mkdir()
    manifest = backup.write_archive(path, dump, store, lambda members: {
        "format": backup.FORMAT, "row_counts": {"t": 1}, "members": members})
    return path, manifest


def _rewrite(src, dst, change):
    """Copy the tar ``src`` to ``dst``; ``change(info, data)`` returns the
    member's new (info, data) or None to leave it out."""
    with tarfile.open(src) as tin, tarfile.open(dst, "w") as tout:
        for info in tin:
            data = tin.extractfile(info).read()
            changed = change(info, data)
            if changed:
                info, data = changed
                info.size = len(data)
                tout.addfile(info, io.BytesIO(data))


def test_round_trip_extracts_identical_files(made, tmp_path):
    path, manifest = made
    assert sorted(manifest["members"]) == [
        "database.dump", "filestore/ab/ab12", "filestore/cd/cd34"]
    assert manifest["members"]["filestore/ab/ab12"]["sha256"] == \
        hashlib.sha256(b"photo of the meeting").hexdigest()
    assert not list(path.parent.glob("*.part"))
    assert path.stat().st_mode & 0o077 == 0  # personal data: owner only
    staging = tmp_path / "staging"
    assert backup.extract_archive(path, staging) == manifest
    assert (staging / "filestore" / "cd" / "cd34").read_bytes() == b"%PDF-1.4 protocol"


@pytest.mark.parametrize("keep", [0.2, 0.6, 0.97])
def test_truncated_archive_is_refused(made, tmp_path, keep):
    path, _manifest = made
    with tarfile.open(path) as tar:  # the end of the data (before padding)
        info = tar.getmember("manifest.json")
        end = info.offset_data + info.size
    cut = tmp_path / "cut.tar"
    cut.write_bytes(path.read_bytes()[:int(end * keep)])
    with pytest.raises(backup.BackupError, match="truncated|damaged"):
        backup.extract_archive(cut, tmp_path / "staging")


def test_tampered_member_is_refused(made, tmp_path):
    path, _manifest = made
    bad = tmp_path / "bad.tar"
    _rewrite(path, bad, lambda info, data: (
        info, data.replace(b"protocol", b"PROTOCOL")))
    with pytest.raises(backup.BackupError, match="checksum: archive tampered"):
        backup.extract_archive(bad, tmp_path / "staging")


def test_added_member_is_refused(made, tmp_path):
    path, _manifest = made
    bad = tmp_path / "bad.tar"

    def add(info, data):
        if info.name == "filestore/ab/ab12":
            info.name = "filestore/ab/ab99"
        return info, data
    _rewrite(path, bad, add)
    with pytest.raises(backup.BackupError, match="not in the manifest"):
        backup.extract_archive(bad, tmp_path / "staging")


def test_missing_filestore_member_is_refused(made, tmp_path):
    path, _manifest = made
    bad = tmp_path / "bad.tar"
    _rewrite(path, bad, lambda info, data: (
        None if info.name == "filestore/cd/cd34" else (info, data)))
    with pytest.raises(backup.BackupError,
                       match="missing \\(filestore file filestore/cd/cd34\\)"):
        backup.extract_archive(bad, tmp_path / "staging")


def test_path_traversal_member_is_refused(made, tmp_path):
    path, _manifest = made
    bad = tmp_path / "bad.tar"

    def escape(info, data):
        if info.name == "filestore/ab/ab12":
            info.name = "filestore/../../escaped"
        return info, data
    _rewrite(path, bad, escape)
    with pytest.raises(backup.BackupError, match="unexpected member"):
        backup.extract_archive(bad, tmp_path / "staging")
    assert not (tmp_path / "escaped").exists()


def test_manifest_missing_is_refused(made, tmp_path):
    path, _manifest = made
    bad = tmp_path / "bad.tar"
    _rewrite(path, bad, lambda info, data: (
        None if info.name == "manifest.json" else (info, data)))
    with pytest.raises(backup.BackupError, match="no manifest"):
        backup.extract_archive(bad, tmp_path / "staging")
