"""The disease catalogue: which diagnoses are cases of which disease, and what follows."""
