"""Daily checks (晨午检), the gate, staggered arrival, follow-ups of absences and fevers,
and children kept at home: everything that decides who is at school today."""
