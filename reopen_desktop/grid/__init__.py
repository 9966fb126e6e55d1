"""The school and its three-tier prevention grid (三级防控网络): the school record, grades
and classes, staff and the duties they hold."""
