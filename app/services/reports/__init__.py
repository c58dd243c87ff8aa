"""Back-office figures: plain functions over the local database returning dataclasses (no Qt).

Each takes a ``Till`` (or a session) and an optional store filter and does not assume
what the node holds, so the central server can offer the same figures chain-wide.
"""
