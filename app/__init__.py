"""The loyalty terminal: core rules, local ledger, cashier UI."""
