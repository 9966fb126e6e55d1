"""School tuberculosis (学校结核病防控): the norms as data (``norms``), entry and contact
screening results (``screenings``), cases suspended and back (``cases``), contact rounds
(``contacts``). Latent infection and contacts stay in school.

``may_attend(data, person_id, day)`` is TB's answer to "may this person be at school":
a :class:`~reopen_desktop.tb.cases.TbVerdict` (not allowed while suspended) or None.
"""

from reopen_desktop.tb.cases import TbVerdict, may_attend

__all__ = ["TbVerdict", "may_attend"]
