"""Sync: the worker that moves the ledger to the central server, and the server."""
