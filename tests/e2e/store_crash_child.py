"""Child process of test_store_crash.py: write check-ins until killed.

Prints each record's id on its own line, flushed, right after add() (or
add_many()) returned: from that moment the record must survive anything.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from lbp_desktop.domain.clock import SystemClock
from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.storage.store import Store


def main() -> None:
    data_dir, mode = Path(sys.argv[1]), sys.argv[2]
    clock = SystemClock()
    store = Store.open(data_dir, clock=clock)
    print("ready", flush=True)
    count = 0
    while True:
        count += 1
        if mode == "add":
            record = store.add(PainCheckIn(at=clock.now(), score=count % 11, note="x" * count))
            print(record.id, flush=True)
        else:
            # Batches that touch two year files, so two atomic writes each.
            batch = [
                PainCheckIn(at=clock.now() - timedelta(days=400 * (i % 2)), score=i % 11)
                for i in range(12)
            ]
            store.add_many(batch)
            print("\n".join(record.id for record in batch), flush=True)


if __name__ == "__main__":
    main()
