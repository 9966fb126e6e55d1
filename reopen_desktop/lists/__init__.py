"""Tables in and out: each list's columns defined once, workbooks read and written."""
