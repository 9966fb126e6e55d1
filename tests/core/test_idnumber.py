from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reopen_desktop.base.idnumber import (
    check_character,
    check_id,
    is_student_number,
    make_id,
    normalise_id,
)

# The example of GB 11643 itself.
STANDARD_EXAMPLE = "11010519491231002X"
TODAY = date(2024, 3, 1)


def test_the_standards_own_example_is_accepted_as_a_woman_born_1949():
    result = check_id(STANDARD_EXAMPLE, today=TODAY)
    assert (result.ok, result.error, result.warnings) == (True, None, [])
    assert result.birth_date == date(1949, 12, 31)
    assert result.sex == "女"
    assert result.message() is None


def test_full_width_digits_spaces_and_a_small_x_are_normalised():
    assert normalise_id(" １１０１０５１９４９１２３１００２ｘ\u200b ") == STANDARD_EXAMPLE
    assert check_id("11010519491231002x\t", today=TODAY).number == STANDARD_EXAMPLE


@pytest.mark.parametrize("value", [1.10105201801011e17, 110105201801010019,
                                   "1.10105201801011e+17", "1.1E+17",
                                   "110105201801011000.0"])
def test_an_id_that_excel_turned_into_a_number_is_refused_with_format_as_text(value):
    result = check_id(value, today=TODAY)
    assert (result.ok, result.error) == (False, "id_is_number")
    assert "文本" in result.message()
    assert "Text" in result.message("en")


@pytest.mark.parametrize(("value", "error"), [
    ("", "id_empty"),
    (None, "id_empty"),
    ("11010519491231002", "id_length"),
    ("11010519491231002XX", "id_length"),
    ("1101051949123100-X", "id_characters"),
    ("X10105194912310021", "id_characters"),
    ("110105194902300021", "id_birth_date"),
    ("110105189912310021", "id_birth_range"),
    ("110105203001010021", "id_birth_range"),
    ("110105194912310021", "id_check_character"),
    ("L110105201801010019", "id_student_number"),
])
def test_numbers_that_cannot_be_real_are_refused_with_their_reason(value, error):
    result = check_id(value, today=TODAY)
    assert (result.ok, result.error) == (False, error)
    assert result.birth_date is None


def test_every_refusal_tells_the_clerk_what_to_do_in_both_languages():
    for value in ("", 1.5e17, "123", "1101051949123100-X", "110105194902300021",
                  "110105203001010021", "110105194912310021", "J12345"):
        result = check_id(value, today=TODAY)
        assert "请" in result.message("zh")
        assert result.message("en")


def test_an_unknown_province_only_warns():
    first17 = "99010520180101001"
    result = check_id(first17 + check_character(first17), today=TODAY)
    assert result.ok
    assert result.warnings == ["id_unknown_area"]
    assert "核对" in result.warning_messages()[0]


def test_a_sex_that_disagrees_with_the_roster_only_warns():
    result = check_id(STANDARD_EXAMPLE, roster_sex="男", today=TODAY)
    assert result.ok
    assert result.warnings == ["id_sex_mismatch"]
    assert check_id(STANDARD_EXAMPLE, roster_sex="女性", today=TODAY).warnings == []
    assert check_id(STANDARD_EXAMPLE, roster_sex="", today=TODAY).warnings == []


def test_student_numbers_beginning_with_l_or_j_are_not_ids():
    assert is_student_number("L2018010100123")
    assert is_student_number(" j123456 ")
    assert not is_student_number("G" + STANDARD_EXAMPLE)
    assert not is_student_number(STANDARD_EXAMPLE)
    assert not is_student_number("L")


def test_make_id_refuses_a_bad_area_or_sequence():
    with pytest.raises(ValueError):
        make_id("11010", date(2018, 1, 1), 0, male=True)
    with pytest.raises(ValueError):
        make_id("110105", date(2018, 1, 1), 500, male=True)


ids = st.builds(
    make_id,
    area=st.sampled_from(["110105", "360123", "440304", "650102", "820000"]),
    born=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    sequence=st.integers(0, 499),
    male=st.booleans(),
)


@given(ids, st.booleans())
def test_every_made_id_passes_with_the_sex_and_birth_date_it_was_made_with(number, upper):
    result = check_id(number if upper else number.lower(), today=TODAY)
    assert (result.ok, result.warnings) == (True, [])
    assert result.birth_date == date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    assert result.sex == ("男" if int(number[14:17]) % 2 else "女")


@given(ids, st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_character_change_of_a_valid_id_is_refused(number, position, replacement):
    if position < 17 and replacement == "X":
        replacement = "0"
    changed = number[:position] + replacement + number[position + 1:]
    assume(changed != number)
    assert not check_id(changed, today=TODAY).ok
