"""Printed reports: PDFs the office prints, signs and files.

``fonts`` finds a Chinese font that can be embedded, ``pdf`` holds the page
furniture every report shares, and one module per report builds its pages.
"""
