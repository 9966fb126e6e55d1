"""The school doctor may adjust a norm's value, only on the stricter side (issue 17,
deliverable 1): audited and undone as any action, refused outside the norm or for another
role, and every alert and report that used the value says so."""

import pytest

from reopen_desktop.datafile import audit, settings
from reopen_desktop.datafile.storage import Operator
from reopen_desktop.diseases import adjustments, catalogue
from reopen_desktop.errors import Refused
from tests.core.rule_stories import check, day, pupils, raised, sick

DOCTOR = Operator("赵校医", "school_doctor")


def test_two_coughs_are_a_cluster_once_the_doctor_lowers_the_size_and_the_alert_says_so(
        school_db):
    ids = pupils(school_db, "一年级1班")
    check(school_db, "一年级1班", day(1), [sick(i, "咳嗽") for i in ids[:2]])
    assert raised(school_db, day(1), "cluster_1d") == []
    school_db.operator = DOCTOR
    adjustments.adjust(school_db, "cluster_1d_size", 2, "流感季节")
    [alert] = raised(school_db, day(1), "cluster_1d")
    assert "≥2 人相似症状" in alert.message
    assert "本校已在规范范围内从严调整,规范值为同一班级或宿舍 1 天内 ≥3 人" in alert.message


def test_a_looser_value_or_another_role_is_refused_and_nothing_is_written(school_db):
    with pytest.raises(Refused) as role:
        adjustments.adjust(school_db, "cluster_1d_size", 2)
    assert "校医" in role.value.message()
    school_db.operator = DOCTOR
    for key, value in (("cluster_1d_size", 4), ("cluster_3d_days", 2), ("sample_hours", 24)):
        with pytest.raises(Refused) as looser:
            adjustments.adjust(school_db, key, value)
        assert "从严" in looser.value.message()
    assert school_db.scalar("SELECT count(*) FROM norm_adjustments") == 0
    assert settings.get(school_db, "cluster_1d_size") == 3


def test_an_adjustment_is_undone_as_any_action(school_db):
    school_db.operator = DOCTOR
    adjustments.adjust(school_db, "cluster_3d_days", 5)
    assert settings.get(school_db, "cluster_3d_days") == 5
    audit.undo(school_db, audit.last_undoable(school_db).id)
    assert settings.get(school_db, "cluster_3d_days") == 3
    assert adjustments.in_force(school_db) == []


def test_an_exclusion_period_may_be_lengthened_and_the_return_asks_the_longer_one(school_db):
    ili = catalogue.catalogue().get("influenza_like_illness")
    assert (ili.exclusion.until, ili.exclusion.plus_hours) == ("symptoms_end", 48)
    school_db.operator = DOCTOR
    adjustments.adjust(school_db, adjustments.exclusion_key(ili), 72)
    assert adjustments.exclusion(school_db, ili).plus_hours == 72
    with pytest.raises(Refused):
        adjustments.adjust(school_db, adjustments.exclusion_key(ili), 24)


def test_every_adjustable_setting_is_one_the_settings_read_from_the_adjustments():
    keys = {n.key for n in adjustments.norms() if n.key in settings.DEFAULTS}
    assert keys == settings.NORM_KEYS
    assert all(n.lowest <= n.norm <= n.highest for n in adjustments.norms())


def test_all_settings_read_at_once_are_each_setting_as_read_alone(school_db):
    """A report's standards read every setting in two statements; each is what ``get`` says:
    a stored value, a default, and the doctor's newest adjustment over the stored value."""
    settings.change(school_db, "fever_threshold", 37.5)
    settings.change(school_db, "cluster_1d_size", 4)
    school_db.operator = DOCTOR
    adjustments.adjust(school_db, "cluster_1d_size", 3, "流感季节")
    adjustments.adjust(school_db, "cluster_1d_size", 2, "更严")
    every = settings.all_settings(school_db)
    assert every == {key: settings.get(school_db, key) for key in settings.DEFAULTS
                     if key != "school_signing_key"}
    assert (every["fever_threshold"], every["cluster_1d_size"]) == (37.5, 2)
    assert every["ili_threshold"] == settings.DEFAULTS["ili_threshold"]
    [adjusted] = adjustments.in_force(school_db)  # read once for all the norms: the newest
    assert (adjusted.key, adjusted.value, adjusted.note) == ("cluster_1d_size", "2 人", "更严")


def test_the_schools_private_signing_key_is_not_among_the_settings_handed_out(school_db):
    """The rules, a report's standards and the window read all settings at once; the key
    that signs the school's bundles is not among them (only the bundle reads it)."""
    from reopen_desktop.datafile import signing_key
    from reopen_desktop.reports import daily_log

    with school_db.atomic():
        pem = signing_key.school_key(school_db).decode("ascii")
    assert "PRIVATE KEY" in pem
    assert "school_signing_key" not in settings.all_settings(school_db)
    assert pem not in repr(daily_log.standards(school_db))
