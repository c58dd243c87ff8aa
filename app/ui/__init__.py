"""The PySide6 cashier window and customer display (DESIGN §8)."""
