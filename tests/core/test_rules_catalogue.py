"""The rules and the catalogue behind them: every rule cites a source the catalogue holds,
every number has its document beside it, unconfirmed facts stay marked wherever the
catalogue is shown, and alerts keep their group and disease in the data file."""

import json
import sqlite3
from datetime import date

from reopen_desktop.alerts import register
from reopen_desktop.base import vocabulary
from reopen_desktop.base.glossary import TERMS
from reopen_desktop.checks import class_checks
from reopen_desktop.cli.main import main as run_cli
from reopen_desktop.datafile import schema, settings, storage
from reopen_desktop.diseases import catalogue
from tests.core.rule_stories import absent_ill, check, day, pupils, sick
from tests.old_files import migrate_until

RULES = ("cluster_1d", "cluster_3d", "shared_source", "disease_outbreak", "notifiable",
         "unexplained", "fever", "absence_rise")  # DESIGN.md's rule ids


OTHER_RULES = ("canteen_off_duty",)  # the canteen's (canteen.py)


def test_every_rule_has_a_source_in_the_catalogue_a_label_and_its_english():
    assert {r.id for r in catalogue.catalogue().rules} == set(RULES) | set(OTHER_RULES)
    for rule in RULES:
        source = catalogue.rule_source(rule)
        assert source.source and source.source_en and source.text
        assert source.kind == ("school" if rule in ("fever", "absence_rise") else "norm")
        assert vocabulary.RULE_LABELS[rule] in TERMS
    assert "本校规则,非国家报告标准" in catalogue.rule_source("absence_rise").text.replace(
        "，", ",")


def test_the_cluster_settings_hold_the_2006_norms_counts_and_window():
    norm = {(r.scope, r.days): r.count for r in catalogue.catalogue().school_rules}
    defaults = settings.DEFAULTS
    assert norm[("class", 1)] == norm[("dormitory", 1)] == defaults["cluster_1d_size"] == 3
    assert norm[("class", 3)] == norm[("dormitory", 3)] == defaults["cluster_3d_size"] == 5
    assert defaults["cluster_3d_days"] == 3


def test_the_catalogue_lines_show_every_source_and_mark_what_was_not_confirmed():
    lines = catalogue.lines()
    cat = catalogue.catalogue()
    assert all(line.source for line in lines)
    unconfirmed = [line for line in lines if not line.confirmed]
    assert {line.mark for line in unconfirmed} == {"未核实"}
    facts = sum(len(d.unconfirmed) - ("outbreak" in d.unconfirmed) for d in cat)
    outbreak = sum(1 for d in cat for r in d.outbreak if not r.confirmed)
    rules = sum(1 for r in cat.rules if not r.confirmed)
    assert len(unconfirmed) == facts + outbreak + rules
    [noro] = [line for line in lines if line.section == "诺如病毒感染"
              and line.fact == "聚集/暴发标准" and "3天内" in line.value]
    assert noro.mark == "未核实" and "2015版" in noro.source
    [hbv] = [line for line in lines if line.section == "乙型病毒性肝炎"
             and line.fact == "是否因此停课"]
    assert (hbv.value, hbv.mark) == ("否", "已核实") and "人社部发〔2010〕12号" in hbv.source


def test_the_entry_picker_finds_a_disease_by_the_names_people_use():
    assert catalogue.search("lg")[0].name == "流感"
    assert catalogue.search("痄腮")[0].name == "流行性腮腺炎"
    assert catalogue.search("红眼病")[0].name == "急性出血性结膜炎"
    assert {d.name for d in catalogue.search("疱疹")} >= {"疱疹性咽峡炎"}
    assert catalogue.read("猴痘").name == "猴痘" and catalogue.read("流行性出血热").case


def test_alerts_json_carries_the_group_and_the_disease(school_path, capsys):
    with storage.open_data_file(school_path) as data:
        ids = pupils(data, "一年级1班")
        check(data, "一年级1班", day(1), [sick(i, "咳嗽") for i in ids[:2]]
              + [absent_ill(ids[2], "甲流")])
    code = run_cli(["alerts", "--db", str(school_path), "--date", day(1).isoformat(), "--json"])
    found = json.loads(capsys.readouterr().out)["alerts"]
    assert code == 0
    assert [(a["rule"], a["syndrome"], a["disease"]) for a in found] == [
        ("cluster_1d", "呼吸道", ""), ("notifiable", "呼吸道", "流感")]
    assert all({"rule", "date", "scope", "people", "message"} <= set(a) for a in found)


def test_an_older_file_keeps_its_alerts_and_gains_onset_and_the_alerts_group(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate_until(conn, schema.MIGRATIONS.index(schema._catalogue_alerts))
    conn.executescript("""
        INSERT INTO schools (id, name, created_at) VALUES (1, '城关镇第一小学', '2026-02-20');
        INSERT INTO grades (id, school_id, name, position) VALUES (1, 1, '一年级', 1);
        INSERT INTO classes (id, grade_id, label, name, number)
            VALUES (1, 1, '1班', '一年级1班', 1);
        INSERT INTO people (id, kind, name, class_id) VALUES (7, 'student', '王小明', 1);
        INSERT INTO alerts (id, rule, day, scope, people, message, deadline, raised_at,
                            message_key, message_params, subject)
            VALUES (41, 'cluster_1d', '2026-03-02', '一年级1班', '[7]', '一年级1班聚集',
                    '2026-03-03 前', '2026-03-02 08:10:00', 'alert_cluster_1d',
                    '{"scope": "一年级1班", "day": "2026-03-02", "count": 3,
                      "symptom": "咳嗽", "size": 3}', 0);
        INSERT INTO class_suspensions (id, class_id, date_from, reason, alert_id, created_at)
            VALUES (3, 1, '2026-03-03', '聚集性疫情', 41, '2026-03-02 09:00:00');
    """)
    conn.close()
    with storage.open_data_file(path) as data:
        assert data.query("SELECT id, rule, syndrome, disease FROM alerts") == [
            {"id": 41, "rule": "cluster_1d", "syndrome": "", "disease": ""}]
        assert data.scalar("SELECT alert_id FROM class_suspensions WHERE id = 3") == 41
        [old] = register.list_alerts(data)
        assert old.message.startswith("一年级1班2026-03-02 有 3 人出现相似症状(咳嗽)")
        saved = class_checks.save_class_checks(data, 1, date(2026, 3, 3), "morning",
                                               [absent_ill(7, "水痘")], today=date(2026, 3, 3))
        assert data.scalar("SELECT onset FROM checks") == ""
        assert saved.alerts_raised == 1 and register.raise_alerts(data, date(2026, 3, 3)) == 0
        assert data.query("PRAGMA foreign_key_check") == []
        assert data.scalar("PRAGMA integrity_check") == "ok"
