"""Faults named truly: a full disk, a read-only file or folder, a key file saved by
Notepad or of the wrong kind, a damaged page. Each is a refusal (exit 2) saying what it is
and what to do, never a traceback, and a full disk is never called a damaged file. A
damaged file is found when it is opened, before anything writes to it."""

import contextlib
import os
import shutil
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from reopen_desktop.cli.main import main as run_cli
from reopen_desktop.datafile import clean_close, storage
from reopen_desktop.errors import Refused


def cli(capsys, *argv):
    code = run_cli(list(argv))
    return code, capsys.readouterr().err


@contextlib.contextmanager
def small_disk(folder: Path, size: str):
    """A real little disk (tmpfs) at ``folder``, where the system lets us mount one."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("no tmpfs here (mounting needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path) -> None:
    with open(folder / "filler", "wb") as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()


def test_a_full_disk_is_said_to_be_full_never_damaged(school_path, tmp_path, capsys):
    with small_disk(tmp_path / "disk", "8m") as disk:
        db = disk / "school.db"
        shutil.copy(school_path, db)
        fill(disk)
        before = db.read_bytes()
        for argv in (["timetable", "lane", "--name", "东门1号通道"], ["summary"]):
            code, err = cli(capsys, *argv, "--db", str(db))
            assert code == 2, err
            assert "磁盘已满" in err and "损坏" not in err.replace("没有损坏", "")
            assert "Traceback" not in err
        assert db.read_bytes() == before


def test_a_demo_that_fills_the_disk_is_refused_and_leaves_no_file(tmp_path, capsys):
    with small_disk(tmp_path / "disk", "1m") as disk:
        code, err = cli(capsys, "demo", "--students", "300", "--db", str(disk / "demo.db"))
        assert code == 2 and "磁盘已满" in err and "Traceback" not in err
        assert not list(disk.glob("demo.db*"))


def test_a_full_disk_inside_sqlite_is_the_same_refusal(school_path, capsys, monkeypatch):
    """Where no little disk can be mounted: SQLite's own "full" (a page limit) takes the
    path a full disk takes."""
    connect = storage._connect

    def capped(path, *, read_only):
        conn = connect(path, read_only=read_only)
        if not read_only:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(storage, "_connect", capped)
    before = school_path.read_bytes()
    code, err = cli(capsys, "timetable", "lane", "--name", "东门" + "很长的名字" * 2000,
                    "--db", str(school_path))  # a name that needs a new page
    assert code == 2 and "磁盘已满" in err and "Traceback" not in err, err
    assert storage.open_data_file(school_path, read_only=True).scalar(
        "SELECT count(*) FROM gate_lanes") == 0
    assert len(school_path.read_bytes()) == len(before)


@contextlib.contextmanager
def read_only(place: Path):
    """``place`` (a file or a folder) made read-only for the program: a read-only disk
    where we can mount one (root ignores a file's mode), else its mode."""
    if os.geteuid() != 0:
        mode = place.stat().st_mode
        place.chmod(0o555 if place.is_dir() else 0o444)
        try:
            yield
        finally:
            place.chmod(mode)
        return
    pytest.skip("as root, read-only is tested on a read-only disk (test below)")


def test_a_read_only_disk_is_said_to_be_read_only(school_path, tmp_path, capsys):
    with small_disk(tmp_path / "disk", "8m") as disk:
        db = disk / "school.db"
        shutil.copy(school_path, db)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        try:
            code, err = cli(capsys, "timetable", "lane", "--name", "东门", "--db", str(db))
            assert code == 2 and "只读" in err and "Traceback" not in err, err
            code, err = cli(capsys, "summary", "--db", str(db))
            assert code == 0, err  # reading still works
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)


def test_a_read_only_file_is_said_to_be_read_only(school_path, capsys):
    with read_only(school_path):
        code, err = cli(capsys, "timetable", "lane", "--name", "东门", "--db", str(school_path))
    assert code == 2 and "只读" in err and "Traceback" not in err


def test_a_read_only_folder_is_said_to_be_one(school_path, capsys):
    with read_only(school_path.parent):
        code, err = cli(capsys, "timetable", "lane", "--name", "东门", "--db", str(school_path))
    assert code == 2 and "文件夹" in err and "Traceback" not in err


def damage_a_page(path: Path) -> None:
    """Scribble over the third page, then put the modification time back, as a disk fault
    or a careless tool might: size, inode and time as the seal remembers them."""
    page = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    stat = path.stat()
    with open(path, "r+b") as handle:
        handle.seek(page * 2)
        handle.write(b"\xa5" * page)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_damaged_page_in_a_sealed_file_is_found_before_anything_writes(school_path, tmp_path,
                                                                         capsys):
    storage.open_data_file(school_path).close()
    assert clean_close.is_sealed(school_path)
    damage_a_page(school_path)
    before = school_path.read_bytes()
    roster = tmp_path / "花名册.csv"
    roster.write_text("姓名,性别,身份证号,年级,班级\n", encoding="utf-8")
    code, err = cli(capsys, "import-roster", str(roster), "--db", str(school_path))
    assert code == 2 and "已损坏" in err, err
    assert school_path.read_bytes() == before


def test_each_days_first_open_checks_a_sealed_file_all_the_same(school_path):
    """Damage nothing announced (the seal matches the file): found the next day."""
    storage.open_data_file(school_path).close()
    damage_a_page(school_path)
    clean_close.seal(school_path, date.today() - timedelta(days=1))  # as if sealed so
    with pytest.raises(Refused) as refused:
        storage.open_data_file(school_path, read_only=True)
    assert refused.value.key == "damaged"


def test_a_sound_file_sealed_yesterday_is_checked_once_and_sealed_for_today(school_path):
    storage.open_data_file(school_path).close()
    clean_close.seal(school_path, date.today() - timedelta(days=1))
    assert not clean_close.is_sealed(school_path)
    storage.open_data_file(school_path, read_only=True).close()
    assert clean_close.is_sealed(school_path)  # the rest of the day opens at once


def township_key(tmp_path) -> bytes:
    from reopen_desktop.bundle import file_format

    return file_format.new_township_key()[1]


@pytest.mark.parametrize("saved", ["bom", "utf16", "crlf"])
def test_a_township_key_saved_again_by_notepad_is_read(school_path, tmp_path, capsys, saved):
    pem = township_key(tmp_path)
    text = pem.decode("ascii")
    raw = {"bom": b"\xef\xbb\xbf" + pem, "utf16": b"\xff\xfe" + text.encode("utf-16-le"),
           "crlf": text.replace("\n", "\r\n").encode("ascii")}[saved]
    key = tmp_path / "township.pem"
    key.write_bytes(raw)
    code, err = cli(capsys, "set-township-key", str(key), "--db", str(school_path))
    assert code == 0, err


def test_a_key_of_the_wrong_kind_is_refused_saying_which(school_path, tmp_path, capsys):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from reopen_desktop.bundle import file_format
    from reopen_desktop.datafile import signing_key

    school_public = tmp_path / "school.pem"
    school_public.write_bytes(file_format.school_public_pem(signing_key.new_school_key()))
    code, err = cli(capsys, "set-township-key", str(school_public), "--db", str(school_path))
    assert code == 2 and "Ed25519" in err and "X25519" in err
    private = tmp_path / "private.pem"
    private.write_bytes(ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    code, err = cli(capsys, "set-township-key", str(private), "--db", str(school_path))
    assert code == 2 and "私钥" in err
    photo = tmp_path / "photo.pem"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    code, err = cli(capsys, "init", "--school", "新学校", "--township-key", str(photo),
                    "--db", str(tmp_path / "new.db"))
    assert code == 2 and "Traceback" not in err and not (tmp_path / "new.db").exists()
