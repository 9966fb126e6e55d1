"""The roster's fast path decides every common row exactly as the careful checks would,
and gives every name the initials the person search uses."""

import random
from datetime import date, timedelta

from reopen_desktop.base.idnumber import check_character, check_id, make_id
from reopen_desktop.base.pinyin import initials_of
from reopen_desktop.importers.roster_rows import fast_id, fast_initials


def test_the_fast_id_check_accepts_exactly_the_ids_whose_check_character_is_right():
    rng = random.Random(7)
    for _ in range(20_000):
        region = rng.choice(["110105", "360102", "440305", "990000", "000000", "810000"])
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(30_000))
        digits = region + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
        if rng.random() < 0.05:
            digits = digits[:10] + "13" + digits[12:]  # month 13
        last = rng.choice("0123456789X") if rng.random() < 0.5 else check_character(digits)
        number = digits + last
        fast = fast_id(number)
        assert fast is None or fast == number
        if fast is not None:  # what the fast path accepts, the careful check accepts silently
            checked = check_id(number)
            assert checked.ok and not checked.warning_messages(), number
        elif check_id(number).ok and not check_id(number).warning_messages():
            raise AssertionError(f"{number} is fine but took the careful way")


def test_ids_with_a_letter_or_the_wrong_length_take_the_careful_way():
    number = next(n for n in (make_id("110105", date(2016, 3, 1), i, True) for i in range(99))
                  if n.endswith("X"))
    assert fast_id(number) == number
    for odd in (number.lower(), number[:17], number + "1", " " + number, "１" + number[1:],
                float(number[:15]), None):
        assert fast_id(odd) is None


def test_fast_initials_are_the_initials_people_search_by():
    rng = random.Random(11)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗曾单解朴区仇查乐尉迟欧阳"
    given = "晓明华丽强伟芳娜敏静磊洋艳勇军杰娟涛子涵长重行乐朝觉调还薄"
    names = {rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.randint(1, 3)))
             for _ in range(4000)} | {"欧阳娜娜", "买买提·艾力", "Anna", "王2", "曾重重"}
    for name in names:
        assert fast_initials(name) == initials_of(name), name


def test_forgetting_the_values_seen_changes_no_answer():
    from reopen_desktop.importers.roster_rows import forget_values

    names, born = ["曾小贤", "单田芳", "王晓明", "欧阳娜娜"], date(2015, 3, 9)
    ids = [make_id("360102", born, n, n % 2 == 0) for n in range(4)]
    first = [fast_initials(n) for n in names] + [fast_id(i) for i in ids]
    forget_values()
    assert [fast_initials(n) for n in names] + [fast_id(i) for i in ids] == first
    assert first[:4] == [initials_of(n) for n in names] and first[4:] == ids
