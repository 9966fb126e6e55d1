"""Importers: spreadsheets the school receives, read into the data file.

:mod:`workbook` reads any workbook (.xlsx, .xls, .ods, .csv) into rows that keep the
spreadsheet's own row numbers; :mod:`roster` turns a roster into people and classes.
"""
