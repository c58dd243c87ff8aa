"""``python -m sync …``: the headless sync worker (the same as ``loyalty-sync``)."""

from sync.worker.main import main

raise SystemExit(main())
