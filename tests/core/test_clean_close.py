"""The clean-close seal: a file we closed cleanly skips quick_check; anything else is checked."""

import pytest

from reopen_desktop.datafile import clean_close
from reopen_desktop.datafile.storage import open_data_file
from reopen_desktop.errors import Refused


def test_a_cleanly_closed_file_is_sealed_and_opening_it_for_writing_breaks_the_seal(
        school_path):
    open_data_file(school_path).close()
    assert clean_close.is_sealed(school_path)
    data = open_data_file(school_path)
    assert not clean_close.is_sealed(school_path), "a crash now must mean a check next time"
    data.close()
    assert clean_close.is_sealed(school_path)


def test_a_file_scribbled_on_right_after_a_clean_close_is_still_found_damaged(school_path):
    with open_data_file(school_path) as data:
        page_size = data.scalar("PRAGMA page_size")
    raw = bytearray(school_path.read_bytes())
    raw[page_size * 2: page_size * 3] = b"\xff" * page_size  # same size, same inode
    with open(school_path, "r+b") as handle:
        handle.write(bytes(raw))
    with pytest.raises(Refused) as refused:
        open_data_file(school_path)
    assert refused.value.key == "damaged"


def test_a_file_left_with_its_wal_is_not_sealed(school_path):
    data = open_data_file(school_path)
    data.conn.execute("UPDATE schools SET address = '新地址'")
    assert not clean_close.is_sealed(school_path)
    data.conn.close()  # like a crash: the WAL stays, no seal is written
    assert not clean_close.is_sealed(school_path)
    data._lock.release()
