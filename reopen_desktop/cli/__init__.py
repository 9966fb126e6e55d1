"""The headless commands (cli-contract.md), one module per group of commands."""
