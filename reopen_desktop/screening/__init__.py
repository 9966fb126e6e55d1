"""Screening (摸排): risk areas, declarations, key persons and their observation, the
nobody-missed board, and the exchange of key persons with the villages."""
