"""Which diagnoses are notifiable diseases (the disease catalogue).

A stop-gap list until the catalogue of issue 17 replaces it."""

from __future__ import annotations

# Notifiable (甲乙丙类) diseases a school commonly meets; a diagnosis naming one, or
# marked 疑似, raises `notifiable`.
NOTIFIABLE = ("新冠", "新型冠状病毒", "流感", "流行性感冒", "水痘", "手足口", "麻疹", "风疹",
              "流行性腮腺炎", "腮腺炎", "猩红热", "肺结核", "结核", "痢疾", "感染性腹泻", "诺如",
              "伤寒", "甲肝", "戊肝", "肝炎", "百日咳", "流脑", "乙脑", "霍乱", "疟疾", "登革热",
              "急性出血性结膜炎", "红眼病")


def is_notifiable(diagnosis: str | None) -> bool:
    """A notifiable infectious disease, or a suspected case of one (疑似)."""
    return bool(diagnosis and (any(d in diagnosis for d in NOTIFIABLE) or "疑似" in diagnosis))


