"""Quick entry of a class check: one line per exception, typed without leaving the keyboard.

``3 373`` is pupil 3 at 37.3 °C, ``12k`` pupil 12 coughing, ``27b`` pupil 27 absent ill.
The number is the pupil's class number (班内学号), printed on the register and kept when
others join or leave: ``3`` names the same child all year (:func:`pupil_numbered`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from reopen_desktop.base.words import term
from reopen_desktop.errors import Refused

# One key per symptom (pinyin initial where it is free), and the two absence kinds.
SYMPTOM_KEYS = {"r": "发热", "k": "咳嗽", "y": "咽痛", "t": "头痛", "f": "腹痛", "x": "腹泻",
                "o": "呕吐", "p": "皮疹", "h": "黄疸", "j": "结膜充血", "s": "腮腺肿大",
                "l": "乏力", "z": "手足疱疹", "m": "口腔疱疹", "q": "其他",
                "c": "呼吸急促",  # 促/喘 (h is taken by 黄疸)
                "n": "头晕"}  # 晕 yūn (y and t are taken)

# "+" right after vomiting or diarrhoea marks it severe (剧烈): ``12o+`` is 剧烈呕吐.
SEVERE_MARK = "+"
SEVERE_FORMS = {"呕吐": "剧烈呕吐", "腹泻": "剧烈腹泻"}


ABSENCE_KEYS = {"b": "illness", "a": "other"}  # b 病假, a 事假 (s is taken by 腮腺肿大)


DOCTOR_KEY = "d"  # 已就诊; a diagnosis follows a slash: 27bd/水痘


@dataclass
class QuickEntry:
    """``12 373k``: pupil 12 of the list, 37.3 °C, a cough."""

    number: int
    temperature: str = ""
    symptoms: list[str] = field(default_factory=list)
    absence_reason: str = ""
    doctor_seen: bool = False
    diagnosis: str = ""


def parse_quick_entry(text: str) -> QuickEntry:
    """Read one exception line: the pupil's number, then a temperature and/or keys.

    ``3 373`` (37.3 °C), ``12k`` (cough), ``27b`` (illness absence), ``8 bx`` (absent
    ill with diarrhoea), ``27bpd/水痘`` (absent ill with a rash, seen by a doctor, chickenpox),
    ``5o+`` (severe vomiting: ``+`` after o or x marks it 剧烈).
    Refused with the keys listed when a key is unknown.
    """
    text, _, diagnosis = text.partition("/")
    compact = text.strip().lower().replace(" ", "")
    digits = len(compact) - len(compact.lstrip("0123456789"))
    if digits == 0:
        raise Refused("quick_entry_number", text=text)
    rest = compact[digits:]
    number_part = compact[:digits]
    temperature = ""
    if " " in text.strip():  # "3 373": the number, then the temperature after the space
        first, _, after = text.strip().lower().partition(" ")
        number_part, rest = first, after.replace(" ", "")
        keys_start = len(rest) - len(rest.lstrip("0123456789."))
        temperature, rest = rest[:keys_start], rest[keys_start:]
    entry = QuickEntry(int(number_part) if number_part.isdigit() else 0, temperature,
                       diagnosis=diagnosis.strip())
    if entry.number == 0:
        raise Refused("quick_entry_number", text=text)
    for key in rest:
        if key == SEVERE_MARK and entry.symptoms and entry.symptoms[-1] in SEVERE_FORMS:
            entry.symptoms[-1] = SEVERE_FORMS[entry.symptoms[-1]]
        elif key == DOCTOR_KEY:
            entry.doctor_seen = True
        elif key in SYMPTOM_KEYS:
            entry.symptoms.append(SYMPTOM_KEYS[key])
        elif key in ABSENCE_KEYS:
            entry.absence_reason = ABSENCE_KEYS[key]
        else:
            raise Refused("quick_entry_key", letter=key, keys=quick_keys_help())
    return entry


class Numbered(Protocol):
    @property
    def number(self) -> int: ...


N = TypeVar("N", bound=Numbered)


def pupil_numbered(roll: Sequence[N], number: int) -> N:
    """The pupil of ``roll`` whose class number is ``number`` (never the n-th line: a pupil
    who joined or left does not move the others). Refused when no pupil has it."""
    for line in roll:
        if line.number == number:
            return line
    numbers = sorted(line.number for line in roll)
    raise Refused("quick_entry_no_pupil", number=number,
                  numbers=f"{numbers[0]}–{numbers[-1]}" if numbers else "—")


def quick_keys_help() -> str:
    keys = {**SYMPTOM_KEYS, "o+": "剧烈呕吐", "x+": "剧烈腹泻", "b": "病假", "a": "事假",
            DOCTOR_KEY: "已就诊"}
    return " ".join(f"{k}={term(v)}" for k, v in keys.items()) + f" /{term('诊断')}"


