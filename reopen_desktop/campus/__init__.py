"""The campus environment: disinfection and ventilation (消毒通风) against a plan."""
