"""The township console: the same program opened on a township data file.

A township file (``schema.TOWNSHIP``: its own application id and schema) holds the
township's X25519 key pair (``console``) and the merged bundles of its schools
(``merge``); ``queries`` reads what the window shows, ``report`` prints it, ``columns``
names the lists' columns. The headless ``township ...`` commands are in ``cli.township``.
"""
