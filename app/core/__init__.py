"""Pure loyalty rules: money, programs, ledger arithmetic, card codes.

Nothing here imports Qt, SQLAlchemy, httpx or touches the file system, so the
server, the POS bridge and the tests can use the rules exactly as the till does.
"""
