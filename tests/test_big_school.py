"""The scale benchmarks' big school is what they claim: two checks a pupil a day of history,
the demo's last week, the history's alerts closed."""

import sqlite3

from benchmarks import big_school


def test_the_big_school_has_two_checks_a_pupil_a_day_and_a_demo_last_week(tmp_path):
    path = tmp_path / "small-big.db"
    big_school.build(path, pupils=60, days=30)
    conn = sqlite3.connect(path)
    try:
        pupils = conn.execute("SELECT count(*) FROM people WHERE kind = 'student'").fetchone()[0]
        first_week_day = "2026-06-24"
        per_day = conn.execute("SELECT day, count(*) FROM checks WHERE day < ? GROUP BY day",
                               (first_week_day,)).fetchall()
        assert len(per_day) == 30 - big_school.WEEK
        assert {n for _day, n in per_day} == {2 * pupils}
        assert conn.execute("SELECT max(day) FROM checks").fetchone()[0] == "2026-06-30"
        still_open = conn.execute("SELECT count(*) FROM alerts WHERE status = 'open' AND day < ?",
                                  (first_week_day,)).fetchone()[0]
        assert still_open == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
