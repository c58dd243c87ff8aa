"""The sync worker: moves the till's outbox to the server and pulls the chain's changes back."""
