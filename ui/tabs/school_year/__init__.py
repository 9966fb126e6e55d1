"""The pages of the 全年防控 tab: vaccination certificates, TB, the line list and its curve,
the outbreak event record, 全日健康观察."""
