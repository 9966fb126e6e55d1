"""Shared words and pure helpers every room uses: ID numbers, masking, class names, the
words the core shows, cells of a spreadsheet. Nothing here opens the data file."""
