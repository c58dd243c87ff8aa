"""Reads restaurant POS exports and turns receipts into loyalty transactions."""
