"""Free-text diagnosis reader: no substring decides alone."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# (text, disease key or None, status, case, suspected)
TABLE = [
    # the readings the old substring matcher got wrong
    ("流感阴性", "influenza", "negative", False, False),
    ("乙肝病毒携带者", "hepatitis_b", "carrier", False, False),
    ("潜伏性结核感染", "tuberculosis", "latent", False, False),
    ("普通感冒(已排除流感)", "common_cold", "case", True, False),
    ("普通感冒（已排除流感）", "common_cold", "case", True, False),
    ("疑似骨折", None, "unclassified", False, False),
    ("肺结核密切接触者", "tuberculosis", "contact", False, False),
    ("流感疫苗接种后反应", "influenza", "vaccine_reaction", False, False),
    # ordinary readings
    ("甲流", "influenza", "case", True, False),
    ("乙流", "influenza", "case", True, False),
    ("甲型H1N1流感", "influenza", "case", True, False),
    ("疑似水痘", "varicella", "suspected", True, True),
    ("水痘史", "varicella", "history", False, False),
    ("既往水痘", "varicella", "history", False, False),
    ("出过水痘", "varicella", "history", False, False),
    ("手足口", "hand_foot_mouth", "case", True, False),
    ("手足口病", "hand_foot_mouth", "case", True, False),
    ("红眼病", "acute_haemorrhagic_conjunctivitis", "case", True, False),
    ("痄腮", "mumps", "case", True, False),
    ("诺如病毒感染", "norovirus", "case", True, False),
    ("诺如", "norovirus", "case", True, False),
    ("", None, "empty", False, False),
    ("   ", None, "empty", False, False),
    # 非典型肺炎: atypical pneumonia (mycoplasma etc.), NOT SARS and NOT a
    # negation ("非") of anything.  Only 传染性非典型肺炎 / 非典 / SARS are SARS.
    ("非典型肺炎", None, "unclassified", False, False),
    ("非典型肺炎?", None, "unclassified", False, False),
    ("非典型肺炎？", None, "unclassified", False, False),
    ("传染性非典型肺炎", "sars", "case", True, False),
    ("非典", "sars", "case", True, False),
    # longest alias wins
    ("流感样病例", "influenza_like_illness", "case", True, False),
    ("甲型肝炎", "hepatitis_a", "case", True, False),
    ("乙型肝炎", "hepatitis_b", "case", True, False),
    ("戊肝", "hepatitis_e", "case", True, False),
    ("肝炎", None, "unclassified", False, False),
    ("病毒性肝炎", None, "unclassified", False, False),
    ("德国麻疹", "rubella", "case", True, False),
    ("风疹块", None, "unclassified", False, False),
    ("副流感", None, "unclassified", False, False),
    ("流行性乙型脑炎", "japanese_encephalitis", "case", True, False),
    ("肠结核", None, "unclassified", False, False),
    ("细菌性痢疾", "dysentery", "case", True, False),
    ("副伤寒", "typhoid_paratyphoid", "case", True, False),
    ("斑疹伤寒", None, "unclassified", False, False),
    # status words
    ("不是流感", "influenza", "excluded", False, False),
    ("非流感", "influenza", "excluded", False, False),
    ("流感已排除", "influenza", "excluded", False, False),
    ("排除了流感", "influenza", "excluded", False, False),
    ("疑似流感，已排除", "influenza", "excluded", False, False),
    ("流感待排", "influenza", "suspected", True, True),
    ("不排除流感", "influenza", "suspected", True, True),
    ("流感？", "influenza", "suspected", True, True),
    ("考虑水痘", "varicella", "suspected", True, True),
    ("新冠核酸阴性", "covid19", "negative", False, False),
    ("流感(阴性)", "influenza", "negative", False, False),
    ("流感,阴性", "influenza", "negative", False, False),
    ("甲流抗原阳性", "influenza", "case", True, False),
    ("新冠无症状感染者", "covid19", "case", True, False),
    ("乙肝表面抗原阳性", "hepatitis_b", "carrier", False, False),
    ("HBsAg(+)", "hepatitis_b", "carrier", False, False),
    ("小三阳", "hepatitis_b", "carrier", False, False),
    ("伤寒带菌者", "typhoid_paratyphoid", "carrier", False, False),
    ("结核潜伏感染", "tuberculosis", "latent", False, False),
    ("结核感染", "tuberculosis", "latent", False, False),
    ("PPD强阳性", "tuberculosis", "latent", False, False),
    ("水痘密接", "varicella", "contact", False, False),
    ("麻疹接触史", "measles", "contact", False, False),
    ("已接种水痘疫苗", "varicella", "history", False, False),
    ("接种流感疫苗后发热", "influenza", "vaccine_reaction", False, False),
    ("水痘疫苗接种反应", "varicella", "vaccine_reaction", False, False),
    ("肺结核已治愈", "tuberculosis", "history", False, False),
    ("疑似食物中毒", "food_poisoning", "suspected", True, True),
    # several names, conjunctions, prefixes that reset
    ("流感和新冠阴性", "influenza", "negative", False, False),
    ("甲流乙流阴性", "influenza", "negative", False, False),
    ("手足口病、疑似水痘", "hand_foot_mouth", "case", True, False),
    ("疑似流感和新冠", "influenza", "suspected", True, True),
    ("既往体健现诊断流感", "influenza", "case", True, False),
    ("排除细菌感染诊断流感", "influenza", "case", True, False),
    ("待确诊流感", "influenza", "suspected", True, True),
    ("未确诊流感", "influenza", "suspected", True, True),
    ("流感(疑似)", "influenza", "suspected", True, True),
    ("水痘(既往)", "varicella", "history", False, False),
    ("诊断：手足口病", "hand_foot_mouth", "case", True, False),
    ("流感病毒核酸检测：阴性", "influenza", "negative", False, False),
    ("诺如病毒隐性感染者", "norovirus", "carrier", False, False),
    ("结核分枝杆菌感染", None, "unclassified", False, False),
    # syndrome words that are not catalogue diseases
    ("发热待查", None, "unclassified", False, False),
    ("急性胃肠炎", None, "unclassified", False, False),
    ("扁桃体炎", None, "unclassified", False, False),
    # ASCII aliases need word boundaries
    ("ILI", "influenza_like_illness", "case", True, False),
    ("bilirubin", None, "unclassified", False, False),
    ("COVID-19", "covid19", "case", True, False),
    ("SARS-CoV-2感染", "covid19", "case", True, False),
]


@pytest.mark.parametrize(
    "text,disease,status,case,suspected", TABLE, ids=[t[0] or "<empty>" for t in TABLE]
)
def test_reading_table(catalogue, text, disease, status, case, suspected):
    r = reader.read_diagnosis(text, catalogue)
    assert (r.disease, r.status, r.case, r.suspected) == (disease, status, case, suspected)
    if disease is None:
        assert r.name == "" and r.matched == ""
    else:
        assert r.name == catalogue.get(disease).name
        assert r.matched


def test_parenthesis_keeps_negated_disease_as_other_reading(catalogue):
    r = reader.read_diagnosis("普通感冒(已排除流感)", catalogue)
    assert r.disease == "common_cold" and r.name == "普通感冒" and r.matched == "普通感冒"
    assert [(o.disease, o.status, o.case) for o in r.others] == [("influenza", "excluded", False)]


def test_case_reading_wins_over_earlier_non_case(catalogue):
    r = reader.read_diagnosis("新冠阴性，甲流阳性", catalogue)
    assert (r.disease, r.status, r.case) == ("influenza", "case", True)
    assert [(o.disease, o.status) for o in r.others] == [("covid19", "negative")]


def test_list_with_shared_status_word(catalogue):
    r = reader.read_diagnosis("流感、新冠均阴性", catalogue)
    assert not r.case
    assert {(x.disease, x.status) for x in (r, *r.others)} == {
        ("influenza", "negative"),
        ("covid19", "negative"),
    }


def test_tb_qualifiers_do_not_negate(catalogue):
    r = reader.read_diagnosis("肺结核（涂阴）", catalogue)
    assert (r.disease, r.status, r.case) == ("tuberculosis", "case", True)
    assert r.qualifiers == ("涂阴",)
    r = reader.read_diagnosis("病原学阳性肺结核", catalogue)
    assert r.case and "病原学阳性" in r.qualifiers
    r = reader.read_diagnosis("肺结核，痰涂片阴性，培养阴性", catalogue)
    assert r.case and r.status == "case"


def test_matched_is_the_catalogue_alias(catalogue):
    assert reader.read_diagnosis("ｈｂｓａｇ（＋）", catalogue).matched == "HBsAg阳性"
    assert reader.read_diagnosis("甲流", catalogue).matched == "甲流"


# -- normalisation ----------------------------------------------------------

_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def to_fullwidth(s: str) -> str:
    return "".join(_FULLWIDTH.get(ch, ch) for ch in s).replace(" ", "\u3000")


@pytest.mark.parametrize("text", [t[0] for t in TABLE if t[0].strip()])
def test_fullwidth_and_spaces_do_not_change_the_reading(catalogue, text):
    base = reader.read_diagnosis(text, catalogue)
    for variant in (to_fullwidth(text), " ".join(text), "\t" + text + " \u3000"):
        r = reader.read_diagnosis(variant, catalogue)
        assert (r.disease, r.status, r.case, r.suspected) == (
            base.disease,
            base.status,
            base.case,
            base.suspected,
        ), variant


def test_normalize_is_idempotent_on_samples():
    for s in (
        "普通感冒（已排除流感）",
        "ＨＢｓＡｇ（＋）",
        "流感 ? ",
        "【疑似】水痘",
        "Ｃｏｖｉｄ－１９",
    ):
        n = reader.normalize(s)
        assert reader.normalize(n) == n
    assert reader.normalize("【疑似】水痘") == "(疑似)水痘"
    assert reader.normalize(None) == ""


# -- every alias, every status word ------------------------------------------


def _plain_aliases(catalogue):
    for d in catalogue:
        for alias in (d.name, *d.aliases):
            yield d.key, alias


def test_every_alias_reads_as_its_own_disease(catalogue):
    for key, alias in _plain_aliases(catalogue):
        r = reader.read_diagnosis(alias, catalogue)
        expected = "case"
        assert (r.disease, r.status) == (key, expected), alias


@pytest.mark.parametrize(
    "template,status",
    [
        ("{}阴性", "negative"),
        ("已排除{}", "excluded"),
        ("{}(已排除)", "excluded"),
        ("非{}", "excluded"),
        ("疑似{}", "suspected"),
        ("{}密切接触者", "contact"),
        ("既往{}", "history"),
        ("{}病史", "history"),
    ],
)
def test_no_alias_decides_alone(catalogue, template, status):
    failures = []
    for key, alias in _plain_aliases(catalogue):
        text = template.format(alias)
        r = reader.read_diagnosis(text, catalogue)
        if (r.disease, r.status) != (key, status):
            failures.append((text, r.disease, r.status))
    assert not failures


def test_carrier_and_latent_terms(catalogue):
    for d in catalogue:
        for t in d.carrier_terms:
            assert (
                reader.read_diagnosis(t, catalogue).status,
                reader.read_diagnosis(t, catalogue).disease,
            ) == ("carrier", d.key), t
        for t in d.latent_terms:
            assert (
                reader.read_diagnosis(t, catalogue).status,
                reader.read_diagnosis(t, catalogue).disease,
            ) == ("latent", d.key), t


def test_blockers_never_read_as_a_disease(catalogue):
    for b in catalogue.blockers:
        r = reader.read_diagnosis(b, catalogue)
        assert (r.disease, r.status) == (None, "unclassified"), b


# -- properties --------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list(
        "流感甲乙水痘手足口病麻疹风腮腺炎结核肺阴阳性疑似排除非不是携带者潜伏接触疫苗反应既往史"
        "(),，（）?？ 、;"
    )
    + ["诺如", "红眼病", "乙肝", "普通感冒"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=20).map("".join))
def test_reader_is_total_and_consistent(catalogue, text):
    r = reader.read_diagnosis(text, catalogue)
    assert r.status in reader.STATUSES
    assert r.case == (r.status in ("case", "suspected"))
    assert r.suspected == (r.status == "suspected")
    assert (r.disease is None) == (r.status in ("unclassified", "empty"))
    if r.disease is not None:
        assert r.name == catalogue.get(r.disease).name
    if r.case is False:
        assert all(not o.case for o in r.others)  # a case anywhere is promoted to primary


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_reader_never_crashes_on_any_text(catalogue, text):
    r = reader.read_diagnosis(text, catalogue)
    assert r.status in reader.STATUSES


# -- search ------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed,first",
    [
        ("流感", "influenza"),
        ("lg", "influenza"),
        ("lxxgm", "influenza"),
        ("甲流", "influenza"),
        ("sd", "varicella"),
        ("水痘", "varicella"),
        ("手足", "hand_foot_mouth"),
        ("szk", "hand_foot_mouth"),
        ("zs", "mumps"),
        ("痄腮", "mumps"),
        ("xhr", "scarlet_fever"),
        ("红眼", "acute_haemorrhagic_conjunctivitis"),
        ("fjh", "tuberculosis"),
        ("nr", "norovirus"),
        ("ＬＧ", "influenza"),
        ("measles", "measles"),
        ("hepatitis b", "hepatitis_b"),
    ],
)
def test_search_first_hit(catalogue, typed, first):
    hits = reader.search(typed, catalogue)
    assert hits and hits[0].key == first, [h.key for h in hits]


def test_search_empty_and_limit(catalogue):
    assert reader.search("", catalogue) == ()
    assert reader.search(None, catalogue) == ()
    assert reader.search("zzzzqqq", catalogue) == ()
    assert len(reader.search("炎", catalogue, limit=3)) <= 3


def test_search_exact_name_beats_prefix(catalogue):
    keys = [d.key for d in reader.search("流感", catalogue)]
    assert keys.index("influenza") < keys.index("influenza_like_illness")


def test_primary_prefers_a_case_the_program_excludes(catalogue):
    r = reader.read_diagnosis("乙肝和甲肝", catalogue)
    assert (r.disease, r.status) == ("hepatitis_a", "case")
    assert [(o.disease, o.status) for o in r.others] == [("hepatitis_b", "case")]
    r = reader.read_diagnosis("疑似水痘，手足口病", catalogue)
    assert (r.disease, r.status) == ("hand_foot_mouth", "case")
