"""The data file: opening it (the one place that does), its schema and migrations, the
audit trail and undo, settings, operators and roles, backups and restore."""
