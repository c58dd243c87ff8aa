"""Controllers: wire the views to the services, one service call per cashier action."""
