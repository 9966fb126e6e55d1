"""The school's office: the one door the window uses to a school's data file (door.Office),
the rooms behind it (rooms), and the records the window reads from them (records)."""
