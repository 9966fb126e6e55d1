"""预防接种证查验: the national immunisation schedule as data (``schedule``), each pupil's
certificate and doses and what is missing on a check date (``certificates``), and the
clinic's result workbook (``clinic_import``)."""
