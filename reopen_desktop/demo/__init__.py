"""Demo data: a realistic synthetic school (and township), for trying, training and
benchmarks. Everything it makes is marked as demo data."""
