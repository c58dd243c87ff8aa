"""Layout-only widgets: they show what they are given and emit what the cashier did."""
