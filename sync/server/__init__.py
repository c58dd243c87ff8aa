"""The central server: an HTTP API over the chain's authoritative ledger (DESIGN §6)."""
