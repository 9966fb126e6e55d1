"""Bundles for the township tests, sealed as a school's export would be (bundle_format.seal)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.bundle import file_format
from reopen_desktop.datafile import signing_key

MEMBERS = ("days.json", "key_persons.json", "alerts.json", "clearances.json")


def day_summary(day: str, school: str, *, people: int = 120, absent: int = 2, fevers: int = 0,
                alerts_open: int = 0) -> dict[str, Any]:
    """The shape of summary.day_summary, the part the township reads."""
    return {"date": day, "school": school, "is_demo": False, "people": people,
            "students": people - 12, "classes": 4,
            "checks": {"sessions": {}, "fevers": fevers, "fever_threshold": 37.3},
            "absent": {"illness": absent, "other": 0, "total": absent},
            "alerts_open": alerts_open}


@dataclass
class School:
    """A school as the township sees it: its id, name and own signing key."""

    school_id: str
    name: str
    key: bytes = field(default_factory=signing_key.new_school_key)
    sequence: int = 0

    def bundle(self, out: Path, township_pem: bytes, days: list[str], *,
               key_persons: list[dict] | None = None, alerts: list[dict] | None = None,
               sequence: int | None = None, key: bytes | None = None,
               records: dict[str, list[dict]] | None = None,
               raw: dict[str, bytes] | None = None,
               manifest: dict[str, Any] | None = None) -> Path:
        """Seal one bundle of ``days`` (next sequence unless given) into the folder ``out``;
        ``records``, ``raw`` and ``manifest`` put in what a hostile school could sign."""
        if sequence is None:
            self.sequence += 1
            sequence = self.sequence
        chosen = {"days.json": [{"id": f"{self.school_id}:{d}", "date": d, "deleted": False,
                                 "summary": day_summary(d, self.name)} for d in days],
                  "key_persons.json": key_persons or [], "alerts.json": alerts or [],
                  "clearances.json": [], **(records or {})}
        members = {name: json.dumps(rows, ensure_ascii=False).encode("utf-8")
                   for name, rows in chosen.items()}
        members.update(raw or {})  # member bytes as a hostile school could sign them
        members["summary.csv"] = b"date,school\n"
        members["summary.adx.xml"] = b"<adx xmlns='urn:ihe:qrph:adx:2015'/>"
        signed = {"format": "reopen-desktop-bundle", "format_version": 1,
                  "school_id": self.school_id, "school_name": self.name, "township": "城关镇",
                  "export_id": uuid.uuid4().hex, "sequence": sequence,
                  "from": min(days), "to": max(days), "created_at": f"{max(days)}T17:00:00",
                  "schema_version": 1,
                  "counts": {"days": len(days), "key_persons": len(chosen["key_persons.json"]),
                             "alerts": len(chosen["alerts.json"]), "clearances": 0},
                  **(manifest or {})}
        sealed = file_format.seal(signed, members, key or self.key, township_pem)
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{self.school_id}_{min(days)}_{max(days)}_{sequence:04d}.rdbundle"
        path.write_bytes(sealed)
        return path

    @property
    def fingerprint(self) -> str:
        """Its key's fingerprint, as its hand-over slip prints it."""
        return file_format.fingerprint(file_format.school_public_pem(self.key))

    def enroll(self, township: Any) -> None:
        """Enrol this school in the township data file ``township`` (open), as the township
        does from the school's slip."""
        from reopen_desktop.township import console

        console.enroll_school(township, self.school_id, self.fingerprint, self.name)

    def key_person(self, number: int, village: str, **changes: Any) -> dict[str, Any]:
        return {"id": f"{self.school_id}:kp:{number}", "name": f"学生{number}", "sex": "女",
                "class": "三年级1班", "village": village, "reason": "外省返乡",
                "observe_from": "2026-03-01", "observe_until": "2026-03-14",
                "status": "observing", "id_masked": "360101********1234", "deleted": False,
                **changes}

    def alert(self, number: int, day: str, **changes: Any) -> dict[str, Any]:
        """An open cluster alert as a school sends it: the Chinese sentence, and its
        catalogue key and parameters."""
        said = {"scope": "三年级1班", "day": day, "count": 3, "symptom": "发热", "size": 3}
        return {"id": f"{self.school_id}:alert:{number}", "rule": "cluster_1d", "date": day,
                "scope": "三年级1班", "status": "open", "deadline": f"{day} 24 小时内",
                "people_count": 3, "message": text("alert_cluster_1d", "zh", **said),
                "message_key": "alert_cluster_1d", "message_params": said, "deleted": False,
                **changes}


def inflations(monkeypatch: Any) -> list[str]:
    """The names of the inner members the bundle reader inflates from now on, in order."""
    inflated: list[str] = []
    read = file_format._read

    def reading(raw: bytes, archive: Any, info: Any) -> bytes:
        inflated.append(info.orig_filename)
        return read(raw, archive, info)

    monkeypatch.setattr(file_format, "_read", reading)
    return inflated
