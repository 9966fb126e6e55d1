"""Qt table models over core query results."""
