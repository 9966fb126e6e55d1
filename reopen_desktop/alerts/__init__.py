"""The outbreak and follow-up rules (DESIGN.md) and the alerts they raise, kept open until
closed with an outcome."""
