"""The catalogue as data: documented thresholds, windows and exclusions.

Threshold tests are written at the boundary on both sides, so a count or a
window that is off by one in catalogue.toml makes them fail."""

import dataclasses
import re
from datetime import date, datetime, timedelta

import pytest

from reopen_desktop.datafile import paths
from reopen_desktop.diseases import reader
from reopen_desktop.diseases.catalogue import CATALOGUE_FILE

CATALOGUE_PATH = paths.resource_dir() / CATALOGUE_FILE
SOURCES_MD = CATALOGUE_PATH.with_name("SOURCES.md")


@pytest.fixture(scope="module")
def catalogue():
    return reader.load_catalogue(CATALOGUE_PATH)


@pytest.fixture(scope="module")
def catalogue_text():
    return CATALOGUE_PATH.read_text(encoding="utf-8")


D0 = date(2026, 3, 2)  # a Monday


def days(*offsets):
    """Onset dates at the given day offsets from D0 (0 = day 1 of the window)."""
    return [D0 + timedelta(days=o) for o in offsets]


def rule(catalogue, key, scope, kind):
    matches = [r for r in catalogue.get(key).outbreak if r.scope == scope and r.kind == kind]
    assert len(matches) == 1, (key, scope, kind, matches)
    return matches[0]


REQUIRED = [
    "covid19",
    "influenza",
    "influenza_like_illness",
    "varicella",
    "hand_foot_mouth",
    "herpangina",
    "measles",
    "rubella",
    "mumps",
    "scarlet_fever",
    "norovirus",
    "other_infectious_diarrhoea",
    "dysentery",
    "typhoid_paratyphoid",
    "hepatitis_a",
    "hepatitis_e",
    "hepatitis_b",
    "tuberculosis",
    "pertussis",
    "meningococcal_meningitis",
    "japanese_encephalitis",
    "acute_haemorrhagic_conjunctivitis",
    "hfrs",
    "mpox",
    "cholera",
    "plague",
    "dengue",
    "malaria",
    "common_cold",
    "food_poisoning",
]


def test_required_diseases_present(catalogue):
    assert set(REQUIRED) <= set(catalogue.keys())
    assert catalogue.version and catalogue.edition_notes


def test_dataclasses_are_frozen(catalogue):
    d = catalogue.get("influenza")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.legal_class = "甲"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.exclusion.plus_hours = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalogue.version = "x"  # type: ignore[misc]


# -- legal class and report deadline ------------------------------------------


@pytest.mark.parametrize(
    "key,legal_class,hours",
    [
        ("cholera", "甲", 2),  # 传染病防治法第三条；报告规范 2小时
        ("plague", "甲", 2),
        ("sars", "乙(按甲类管理)", 2),  # 第四条
        ("covid19", "乙", 24),  # 公告2022年第7号：2023-01-08 起乙类乙管
        ("mpox", "乙", 24),  # 2023-09-20 起乙类
        ("measles", "乙", 24),
        ("scarlet_fever", "乙", 24),
        ("tuberculosis", "乙", 24),
        ("hepatitis_b", "乙", 24),
        ("influenza", "丙", 24),
        ("mumps", "丙", 24),
        ("hand_foot_mouth", "丙", 24),  # 卫生部 2008-05-02
        ("norovirus", "丙", 24),  # 其他感染性腹泻病
        ("acute_haemorrhagic_conjunctivitis", "丙", 24),
        ("varicella", "其他", 24),  # not nationally notifiable
        ("herpangina", "其他", 0),
        ("common_cold", "其他", 0),
        ("influenza_like_illness", "其他", 0),
    ],
)
def test_legal_class_and_deadline(catalogue, key, legal_class, hours):
    d = catalogue.get(key)
    assert (d.legal_class, d.report_deadline_hours) == (legal_class, hours)
    assert d.notifiable == (legal_class != "其他")
    assert d.managed_as_class_a == (hours == 2 and legal_class != "其他")


def test_never_excluded_lines(catalogue):
    for key in ("hepatitis_b", "common_cold", "food_poisoning"):
        d = catalogue.get(key)
        assert d.excluded_by_program is False
        assert d.exclusion.until == "none"
        assert d.exclusion.earliest_return().excluded is False
    hbv = catalogue.get("hepatitis_b")
    assert hbv.confirmed and hbv.provenance("excluded_by_program").refs == ("hbv_2010",)
    assert "人社部发〔2010〕12号" in catalogue.document("hbv_2010").number
    assert hbv.food_handler_exclusion.must_leave is False


# -- outbreak thresholds, named after their documents -------------------------


def test_hfmd_2012_class_cluster_is_2_in_7_days(catalogue):
    # 卫办疾控发〔2012〕80号 第一条：一周内同一班级（或宿舍）2例及以上
    for scope in ("class", "dormitory"):
        r = rule(catalogue, "hand_foot_mouth", scope, "cluster")
        assert (r.count, r.days) == (2, 7) and r.confirmed
        assert r.triggered(days(0, 6))  # day 1 and day 7
        assert not r.triggered(days(0, 7))  # day 1 and day 8: outside the week
        assert not r.triggered(days(3))


def test_hfmd_2012_school_cluster_5_and_outbreak_10(catalogue):
    cluster = rule(catalogue, "hand_foot_mouth", "school", "cluster")
    outbreak = rule(catalogue, "hand_foot_mouth", "school", "outbreak")  # 第二条
    assert (cluster.count, cluster.days, outbreak.count, outbreak.days) == (5, 7, 10, 7)
    assert cluster.triggered(days(0, 1, 2, 3, 6)) and not cluster.triggered(days(0, 1, 2, 6))
    assert not cluster.triggered(days(0, 1, 2, 3, 7))
    assert outbreak.triggered(days(*range(7), 6, 6, 6)) and not outbreak.triggered(
        days(*range(7), 6, 6)
    )
    assert not outbreak.triggered(days(*range(8), 7, 7))  # 10 cases spread over 8 days


def test_ili_2018_10_in_a_week_and_30_event(catalogue):
    # 流感样病例暴发疫情处置指南（2018年版）三（一）、三（二）
    r10 = rule(catalogue, "influenza_like_illness", "school", "outbreak")
    r30 = rule(catalogue, "influenza_like_illness", "school", "event")
    assert (r10.count, r10.days, r30.count, r30.days) == (10, 7, 30, 7)
    assert r10.triggered(days(*[0] * 5, *[6] * 5)) and not r10.triggered(days(*[0] * 5, *[6] * 4))
    assert not r10.triggered(days(*[0] * 5, *[7] * 5))
    assert r30.triggered(days(*[3] * 30)) and not r30.triggered(days(*[3] * 29))
    assert catalogue.get("influenza").counts_toward == ("influenza_like_illness",)


def test_measles_guide_2_in_10_days(catalogue):
    # 麻疹疫情调查与处置技术指南 一（四）1：学校10日内2例及以上
    r = rule(catalogue, "measles", "school", "outbreak")
    assert (r.count, r.days) == (2, 10) and r.confirmed
    assert r.triggered(days(0, 9)) and not r.triggered(days(0, 10))


@pytest.mark.parametrize(
    "key,item",
    [("mumps", "19"), ("scarlet_fever", "21"), ("varicella", "22")],
)
def test_phe_2006_respiratory_event_10_in_a_week(catalogue, key, item):
    # 国家突发公共卫生事件相关信息报告管理工作规范（试行）报告标准（一）19/21/22
    r = rule(catalogue, key, "school", "event")
    assert (r.count, r.days) == (10, 7) and r.confirmed
    assert f"（一）{item}" in r.source
    assert r.triggered(days(*range(7), 0, 0, 0)) and not r.triggered(days(*range(7), 0, 0))
    assert not r.triggered(days(*range(10)))  # one a day for 10 days never has 10 in 7


def test_phe_2006_infectious_diarrhoea_20_in_a_week(catalogue):
    for key in ("other_infectious_diarrhoea", "norovirus"):
        r = rule(catalogue, key, "school", "event")
        assert (r.count, r.days) == (20, 7) and r.confirmed
        assert r.triggered(days(*[0] * 10, *[6] * 10)) and not r.triggered(
            days(*[0] * 10, *[6] * 9)
        )
        assert not r.triggered(days(*[0] * 10, *[7] * 10))


def test_norovirus_cluster_5_in_3_days_is_unconfirmed(catalogue):
    r = rule(catalogue, "norovirus", "school", "cluster")
    assert (r.count, r.days) == (5, 3) and not r.confirmed
    assert "noro_2015" in r.refs
    assert r.triggered(days(0, 0, 1, 2, 2)) and not r.triggered(days(0, 0, 1, 3, 3))
    assert "outbreak" in catalogue.get("norovirus").unconfirmed


def test_dysentery_event_10_in_3_days(catalogue):
    r = rule(catalogue, "dysentery", "school", "event")
    assert (r.count, r.days) == (10, 3) and not r.confirmed  # 3天 vs 1周 conflict, see SOURCES.md
    assert r.triggered(days(*[0] * 5, *[2] * 5)) and not r.triggered(days(*[0] * 5, *[3] * 5))


def test_food_poisoning_5_in_one_incident(catalogue):
    # 报告标准（二）2：学校一次中毒人数5人及以上
    r = rule(catalogue, "food_poisoning", "school", "event")
    assert (r.count, r.days) == (5, 1) and r.confirmed
    assert r.triggered(days(0, 0, 0, 0, 0)) and not r.triggered(days(0, 0, 0, 0, 1))


def test_school_norm_generic_rules(catalogue):
    # 学校和托幼机构传染病疫情报告工作规范（试行）：同一班级1天内3例；连续3天内5例以上
    rules = {(r.scope, r.count, r.days) for r in catalogue.school_rules}
    assert rules == {("class", 3, 1), ("dormitory", 3, 1), ("class", 5, 3), ("dormitory", 5, 3)}
    three = next(r for r in catalogue.school_rules if (r.scope, r.count) == ("class", 3))
    five = next(r for r in catalogue.school_rules if (r.scope, r.count) == ("class", 5))
    assert three.triggered(days(0, 0, 0)) and not three.triggered(days(0, 0, 1))
    assert five.triggered(days(0, 1, 1, 2, 2)) and not five.triggered(days(0, 1, 1, 3, 3))


def test_triggered_accepts_datetimes_and_unsorted_input(catalogue):
    r = rule(catalogue, "hand_foot_mouth", "class", "cluster")
    assert r.triggered([datetime(2026, 3, 8, 23, 59), datetime(2026, 3, 2, 0, 1)])
    assert r.first_trigger(days(10, 0, 3)) == D0 + timedelta(days=3)
    assert r.first_trigger([]) is None


# -- exclusion periods ---------------------------------------------------------


def test_influenza_back_48_hours_after_symptoms_end(catalogue):
    for key in ("influenza", "influenza_like_illness"):
        ex = catalogue.get(key).exclusion
        end = datetime(2026, 3, 4, 18, 0)
        dec = ex.earliest_return(symptoms_end=end)
        assert dec.excluded and dec.earliest_return == end + timedelta(hours=48)
        assert ex.earliest_return().missing == ("symptoms_end",)
        assert not ex.confirmed  # 2018 guideline's case-management section not read


def test_measles_back_on_day_5_after_rash(catalogue):
    ex = catalogue.get("measles").exclusion
    rash = datetime(2026, 3, 2, 15, 30)
    assert ex.earliest_return(rash_onset=rash).earliest_return == datetime(2026, 3, 7)
    assert ex.earliest_return(rash_onset=rash, complication=True).earliest_return == datetime(
        2026, 3, 16
    )


def test_varicella_crusted_but_not_before_day_14(catalogue):
    ex = catalogue.get("varicella").exclusion
    assert (ex.until, ex.min_days_from_onset) == ("lesions_crusted", 14)
    early = ex.earliest_return(onset=date(2026, 3, 2), lesions_crusted=datetime(2026, 3, 8, 9))
    assert early.earliest_return == datetime(2026, 3, 16)
    late = ex.earliest_return(onset=date(2026, 3, 2), lesions_crusted=datetime(2026, 3, 20, 9))
    assert late.earliest_return == datetime(2026, 3, 20, 9)
    assert ex.earliest_return(lesions_crusted=datetime(2026, 3, 20)).missing == ("onset",)
    assert catalogue.get("varicella").contacts_observation_days == 21


def test_other_exclusions(catalogue):
    hfmd = catalogue.get("hand_foot_mouth").exclusion
    assert hfmd.earliest_return(onset=date(2026, 3, 2)).earliest_return == datetime(2026, 3, 16)
    noro = catalogue.get("norovirus").exclusion
    end = datetime(2026, 3, 3, 7, 0)
    assert noro.earliest_return(symptoms_end=end).earliest_return == end + timedelta(hours=72)
    scarlet = catalogue.get("scarlet_fever").exclusion
    assert scarlet.earliest_return(treatment_start=date(2026, 3, 2)).earliest_return == datetime(
        2026, 3, 9
    )
    mumps = catalogue.get("mumps").exclusion
    dec = mumps.earliest_return(onset=date(2026, 3, 2), swelling_gone=datetime(2026, 3, 6))
    assert dec.earliest_return == datetime(2026, 3, 11)


def test_tuberculosis_is_conditional_with_2017_criteria(catalogue):
    tb = catalogue.get("tuberculosis")
    ex = tb.exclusion
    assert ex.until == "clinician" and ex.conditional and ex.confirmed
    assert any("病原学阳性" in w for w in ex.applies_when)
    assert any("空洞" in w for w in ex.applies_when)
    assert len(ex.return_criteria) == 3
    assert any("2次痰涂片" in c and "痰培养" in c for c in ex.return_criteria)
    assert tb.clearance.document == "复学诊断证明" and "结核病定点医疗机构" in tb.clearance.issuer
    assert ex.earliest_return().needs_clinician
    assert tb.food_handler_exclusion.must_leave and tb.food_handler_exclusion.confirmed


def test_food_disease_list_2016(catalogue):
    # 有碍食品安全的疾病目录（国卫食品发〔2016〕31号）
    listed = {
        "cholera",
        "dysentery",
        "typhoid_paratyphoid",
        "hepatitis_a",
        "hepatitis_e",
        "tuberculosis",
    }
    for key in listed:
        f = catalogue.get(key).food_handler_exclusion
        assert (
            f.must_leave
            and f.until == "cured"
            and f.confirmed
            and "food_disease_list_2016" in f.refs
        ), key
    assert catalogue.get("hepatitis_b").food_handler_exclusion.must_leave is False


# -- provenance discipline -------------------------------------------------------


def test_every_fact_has_a_source_and_unconfirmed_is_complete(catalogue):
    for d in catalogue:
        assert d.source
        for fact in ("legal_class", "report_deadline_hours", "contacts_observation_days"):
            prov = d.provenance(fact)
            assert prov is not None and prov.source, (d.key, fact)
        assert d.exclusion.source and d.exclusion.text
        assert d.clearance.source and d.food_handler_exclusion.source
        for r in d.outbreak:
            assert r.source and r.text
        marked = {f for f, p in d.sources if not p.confirmed}
        marked |= {"outbreak"} if any(not r.confirmed for r in d.outbreak) else set()
        marked |= {
            n
            for n, o in (
                ("exclusion", d.exclusion),
                ("clearance", d.clearance),
                ("food_handler_exclusion", d.food_handler_exclusion),
            )
            if not o.confirmed
        }
        assert set(d.unconfirmed) == marked, d.key
        assert d.confirmed == (not marked)


def test_every_document_is_described_in_sources_md(catalogue):
    text = SOURCES_MD.read_text(encoding="utf-8")
    for doc in catalogue.documents:
        assert f"`{doc.id}`" in text, doc.id


def test_no_article_numbers_on_documents_not_read(catalogue):
    # A fact may only cite 第N条 of a document whose text (or a verbatim repost) was read.
    unread = {d.id for d in catalogue.documents if d.retrieved == "not_retrieved"}
    for d in catalogue:
        facts = [
            d.exclusion,
            d.clearance,
            d.food_handler_exclusion,
            *d.outbreak,
            *(p for _, p in d.sources),
        ]
        for f in facts:
            if set(f.refs) and set(f.refs) <= unread:
                assert not re.search(r"第[一二三四五六七八九十百0-9]+条", f.source), (
                    d.key,
                    f.source,
                )


# -- refusing malformed catalogues --------------------------------------------------


def _write(tmp_path, text):
    p = tmp_path / "cat.toml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "old,new,message",
    [
        (
            'legal_class = "丙"\nreport_deadline_hours = 24\nsyndrome = "parotitis"',
            'legal_class = "丁"\nreport_deadline_hours = 24\nsyndrome = "parotitis"',
            "legal_class",
        ),
        ('key = "cholera"', 'key = "Cholera"', "snake_case"),
        (
            'legal_class = "甲"\nreport_deadline_hours = 2\nsyndrome = "gastrointestinal"',
            'legal_class = "甲"\nreport_deadline_hours = 24\nsyndrome = "gastrointestinal"',
            "2 hours",
        ),
        ('key = "mumps"', 'key = "mumps"', ""),  # no-op sanity row: the unchanged file loads
        ('"流腮", "痄腮"', '"流腮", "痄腮", "甲流"', "already used"),
        ('scope = "class"\ncount = 2', 'scope = "classroom"\ncount = 2', "scope"),
        ('scope = "class"\ncount = 2', 'scope = "class"\ncount = 0', "count must be >= 1"),
        ('refs = ["hfmd_2012"]', 'refs = ["no_such_doc"]', "not in the [[document]] register"),
        (
            "unconfirmed = []\nconfirmed = true",
            'unconfirmed = ["exclusion"]\nconfirmed = true',
            "unconfirmed list",
        ),
        (
            'until = "lesions_crusted"\nmin_days_from_onset = 14',
            'until = "when_better"\nmin_days_from_onset = 14',
            "until",
        ),
        (
            'excluded_by_program = false\ncontacts_observation_days = 0\nsource = "人社部发',
            'excluded_by_program = true\ncontacts_observation_days = 0\nsource = "人社部发',
            "excluded_by_program",
        ),
        ('name_en = "Malaria"', 'name_en = "Malaria"\nfavourite_colour = "red"', "unknown field"),
        ('[catalogue]\nversion = "0.3.1"', '[catalogue]\nversion = ""', "version"),
    ],
)
def test_malformed_catalogue_is_refused(tmp_path, catalogue_text, old, new, message):
    assert old in catalogue_text, old
    text = catalogue_text.replace(old, new, 1)
    if not message:
        reader.load_catalogue(_write(tmp_path, text))
        return
    with pytest.raises(reader.CatalogueError) as err:
        reader.load_catalogue(_write(tmp_path, text))
    assert message in str(err.value)


def test_missing_source_is_refused(tmp_path, catalogue_text):
    old = 'source = "手足口病聚集性和暴发疫情处置工作规范（2012版）第二条"'
    assert old in catalogue_text
    with pytest.raises(reader.CatalogueError, match="'source' must not be empty"):
        reader.load_catalogue(_write(tmp_path, catalogue_text.replace(old, 'source = ""', 1)))


def test_broken_toml_and_missing_file_are_refused(tmp_path, catalogue_text):
    with pytest.raises(reader.CatalogueError, match="not valid TOML"):
        reader.load_catalogue(_write(tmp_path, catalogue_text + "\n[[disease]\n"))
    with pytest.raises(reader.CatalogueError, match="cannot read"):
        reader.load_catalogue(tmp_path / "absent.toml")
    with pytest.raises(reader.CatalogueError, match="no diseases"):
        reader.load_catalogue(_write(tmp_path, '[catalogue]\nversion = "1"\nedition_notes = []\n'))


def test_errors_are_all_reported_at_once(tmp_path, catalogue_text):
    text = catalogue_text.replace('key = "cholera"', 'key = "Cholera"', 1).replace(
        'syndrome = "parotitis"', 'syndrome = "mumpsy"', 1
    )
    with pytest.raises(reader.CatalogueError) as err:
        reader.load_catalogue(_write(tmp_path, text))
    assert "snake_case" in str(err.value) and "syndrome" in str(err.value)


def test_sources_md_lists_every_unconfirmed_fact(catalogue):
    text = SOURCES_MD.read_text(encoding="utf-8")
    generated = text.split("<!-- generated:start -->", 1)[1].split("<!-- generated:end -->", 1)[0]
    for d in catalogue:
        for fact in d.unconfirmed:
            assert f"`{d.key}.{fact}`" in generated, (
                f"run resources/diseases/unconfirmed_report.py ({d.key}.{fact})"
            )
    listed = generated.count("\n- `")
    assert listed == sum(len(d.unconfirmed) for d in catalogue), (
        "SOURCES.md is stale: run resources/diseases/unconfirmed_report.py"
    )


# --- the parsed copy the program reads first (catalogue.json) -------------------------------

def test_the_parsed_copy_beside_the_catalogue_is_made_from_it_as_it_is():
    raw = CATALOGUE_PATH.read_bytes()
    assert reader.parsed_beside(CATALOGUE_PATH, raw) is not None, (
        "catalogue.json is stale: run `uv run python resources/diseases/make_json.py`")


def test_the_parsed_copy_gives_the_same_catalogue_as_the_toml(tmp_path, catalogue):
    toml_only = tmp_path / "catalogue.toml"
    toml_only.write_bytes(CATALOGUE_PATH.read_bytes())  # no JSON beside it: parsed anew
    from_toml = reader.load_catalogue(toml_only)
    assert from_toml == catalogue
    assert [d.key for d in from_toml] == [d.key for d in catalogue]


def test_a_parsed_copy_of_other_bytes_is_ignored(tmp_path):
    edited = tmp_path / "catalogue.toml"
    edited.write_bytes(CATALOGUE_PATH.read_bytes())
    reader.write_parsed_beside(edited)
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace('version = "', 'version = "9.', 1), encoding="utf-8")
    assert reader.parsed_beside(edited, edited.read_bytes()) is None
    assert reader.load_catalogue(edited).version.startswith("9.")
    (tmp_path / "catalogue.json").write_text("{not json", encoding="utf-8")
    assert reader.load_catalogue(edited).version.startswith("9.")
