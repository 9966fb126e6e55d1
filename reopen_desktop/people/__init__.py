"""People (students and staff): search, the person file (一人一档) and households."""
