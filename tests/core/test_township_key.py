"""The township's public key, read from the USB stick and kept in the data file."""

import pytest

from reopen_desktop.bundle import file_format, township_key
from reopen_desktop.datafile import settings
from reopen_desktop.errors import Refused


def test_the_township_key_is_read_checked_and_kept(new_data, tmp_path):
    _private, public = file_format.new_township_key()
    path = tmp_path / "乡镇公钥.pem"
    path.write_bytes(public)
    pem = township_key.read_township_key(path)
    township_key.store_township_key(new_data, pem)
    assert settings.get(new_data, "township_public_key") == public.decode()
    assert len(township_key.short_fingerprint(pem)) == len("1A2B 3C4D 5E6F")


def test_a_file_that_is_not_a_key_is_refused_naming_it(tmp_path):
    path = tmp_path / "照片.pem"
    path.write_bytes(b"\x89PNG")
    with pytest.raises(Refused) as refused:
        township_key.read_township_key(path)
    assert "照片.pem" in refused.value.message()
