"""One desk as a process of its own on the studio's server, for the two-PC scenarios:
``python -m tests.servers.desk_worker ACTION URL [ARGS…]``. It opens the store, prints
"ready", waits for a line on stdin ("go": the other desk is open too), does its part and
prints what came of it, one line per result."""

from __future__ import annotations

import sys
import time


def main(action: str, url: str, *args: str) -> None:
    from desk.services.store import migrate
    from desk.services.store.db import SYSTEM_ACTOR

    store = migrate.open_store(url, None)
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        ACTIONS[action](store, SYSTEM_ACTOR, *args)
    finally:
        store.dispose()


def payments(store, actor, family: str, count: str, amount: str) -> None:
    from desk.models.enums import PaymentMethod
    from desk.services.money import wallet
    from desk.services.store import retry

    for _ in range(int(count)):
        retry.again(lambda: wallet.top_up(store, actor, int(family), int(amount),
                                          PaymentMethod.CASH))
    print("paid", flush=True)


def mark(store, actor, enrolment: str) -> None:
    from desk.models.enums import Mark
    from desk.services.schedule import attendance

    attendance.mark(store, actor, int(enrolment), Mark.ATTENDED)
    print("marked", flush=True)


def courier(store, actor, token: str, base_url: str) -> None:
    from desk.models.enums import InboxChannel
    from desk.services.comms import outbox
    from desk.services.comms.channels.telegram import Pace, TelegramAdapter

    Pace.PER_CHAT_S = 0.0  # the test's one chat gets its 200 answers without a second's pause
    adapter = TelegramAdapter(token, base_url)
    sent = 0
    try:
        while (done := outbox.deliver(store, {InboxChannel.TELEGRAM: adapter})) != (0, 0):
            sent += done[0]
    finally:
        adapter.close()
    print(f"sent {sent}", flush=True)


def family(store, actor, name: str) -> None:
    from desk.services.crm import families

    fid = families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft(name),)))
    print(f"saved {fid} {time.time()}", flush=True)


def hold_then_write(store, actor, count: str) -> None:
    """Take the courier lease, then write ``count`` families in one transaction and stop
    before committing it (the test kills the process there)."""
    from desk.services.comms import lease
    from desk.services.crm import families

    held = lease.take(store, "worker", "worker-pc (Мария)")
    print(f"lease {held.mine}", flush=True)
    with store.write(actor) as uow:
        for n in range(int(count)):
            families.save_in(uow, families.FamilyDraft(
                guardians=(families.GuardianDraft(f"Половина Семья {n}"),)))
        uow.session.flush()
        print("mid-write", flush=True)
        sys.stdin.readline()  # never comes: killed here
        uow.commit()


ACTIONS = {"payments": payments, "mark": mark, "courier": courier, "family": family,
           "hold_then_write": hold_then_write}

if __name__ == "__main__":
    main(*sys.argv[1:])
