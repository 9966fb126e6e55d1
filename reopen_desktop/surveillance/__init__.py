"""Watching and reporting through the year: 全日健康观察 at any hour (``observations``), the
case line list and its epidemic curve (``line_list``), and the outbreak event record with its
measures (``events``)."""
