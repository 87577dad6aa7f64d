"""Two desks as two processes of their own on one studio server, at the same moment: what
each writes lands exactly once, a conflict is told, and a desk killed mid-write leaves nothing
half-written while the courier lease moves to the other."""

from __future__ import annotations

import datetime as dt
import os
import queue
import subprocess
import sys
from pathlib import Path

import pytest

from desk.models.enums import EntryKind, InboxChannel, Mark
from desk.models.schedule import Enrolment
from desk.services.comms import inbox, lease, outbox
from desk.services.crm import families
from desk.services.money import wallet
from desk.services.schedule import attendance
from desk.services.store import live
from desk.services.store.changes import Change

pytestmark = pytest.mark.postgresql_only
ROOT = Path(__file__).resolve().parents[2]


class Desks:
    """Desk processes started on ``where``; each says "ready", then all are told "go" at once."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.procs: list[subprocess.Popen] = []

    def start(self, action: str, *args: object, env: dict | None = None) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.servers.desk_worker", action, self.where,
             *map(str, args)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, env={**os.environ, **(env or {})})
        self.procs.append(proc)
        assert proc.stdout.readline() == "ready\n"
        return proc

    def go(self, *procs: subprocess.Popen) -> list[str]:
        """Let them all start at once; what each said last, once they are done."""
        for p in procs:
            p.stdin.write("go\n")
            p.stdin.flush()
        said = [p.stdout.read().strip().splitlines()[-1] for p in procs]
        assert [p.wait(timeout=120) for p in procs] == [0] * len(procs)
        return said

    def close(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.kill()
            p.wait(timeout=30)
            for stream in (p.stdin, p.stdout):
                if stream and not stream.closed:
                    stream.close()


@pytest.fixture
def desks(store, where):
    store.dispose()  # the test's own connections are not a third desk writing
    started = Desks(where)
    yield started
    started.close()


def a_family(store, actor, name: str = "Ёлкина Вера") -> int:
    return families.save(store, actor, families.FamilyDraft(
        guardians=(families.GuardianDraft(name),),
        children=(families.ChildDraft("Ёлкин Саша", dt.date(2018, 1, 2)),)))


def test_two_desks_posting_500_payments_each_at_once_keep_the_balance_and_chain_exact(
        store, actor, desks):
    fid = a_family(store, actor)
    first, second = (desks.start("payments", fid, 500, 100) for _ in range(2))
    assert desks.go(first, second) == ["paid", "paid"]
    assert wallet.balance(store, fid) == 2 * 500 * 100
    with store.read() as s:
        assert wallet.verify(s) == []
    lines = wallet.view(store, fid).lines
    assert len(lines) == 1000 and {e.kind for e in lines} == {EntryKind.TOPUP}


def test_both_desks_marking_the_same_child_debit_once(store, actor, desks):
    from tests.unit.privacy.test_privacy import attended_lesson

    fid = a_family(store, actor)
    attended_lesson(store, actor, fid)  # a lesson with the child enrolled (and marked once)
    [enrolled] = [e for e in wallet.view(store, fid).lines if e.kind is EntryKind.DEBIT]
    with store.read() as s:
        enrolment_id = s.query(Enrolment.id).filter_by(family_id=fid).scalar()
    attendance.mark(store, actor, enrolment_id, Mark.NONE)  # the charge reversed
    before = wallet.balance(store, fid)
    first, second = (desks.start("mark", enrolment_id) for _ in range(2))
    assert desks.go(first, second) == ["marked", "marked"]
    assert wallet.balance(store, fid) == before - abs(enrolled.amount)  # one debit, not two
    with store.read() as s:
        assert wallet.verify(s) == []


def test_two_courier_processes_send_each_of_200_messages_once(store, actor, bot, desks):
    from desk.services.comms import channel_settings
    from desk.services.comms.channels.telegram import TelegramAdapter

    adapter = TelegramAdapter(bot.token, bot.url)
    try:
        bot.client_writes(501, "Здравствуйте!", date=store.now().timestamp())
        inbox.ingest(store, InboxChannel.TELEGRAM, adapter.fetch(
            channel_settings.cursor(store, InboxChannel.TELEGRAM, adapter.identity), 0))
    finally:
        adapter.close()
    [talk] = inbox.queue(store)
    texts = [f"Ответ {n}" for n in range(200)]
    for text in texts:
        inbox.reply(store, actor, talk.id, inbox.ReplyDraft(text, ongoing=True))
    first, second = (desks.start("courier", bot.token, bot.url) for _ in range(2))
    said = desks.go(first, second)
    assert sum(int(line.split()[1]) for line in said) == 200
    assert sorted(m["text"] for m in bot.sent) == sorted(texts)  # each exactly once
    assert outbox.count_pending(store) == (0, 0)


def test_what_one_desk_process_writes_reaches_the_other_desk(store, actor, desks):
    heard: queue.Queue = queue.Queue()
    listener = live.Listener(store, heard.put)
    listener.start()
    try:
        assert listener.listening.wait(10)
        writer = desks.start("family", "Ёлкина Вера")
        [said] = desks.go(writer)
        fid = int(said.split()[1])
        assert Change.FAMILY in heard.get(timeout=10)
        assert families.card(store, fid).draft.guardians[0].name == "Ёлкина Вера"
    finally:
        listener.stop()


def test_a_desk_killed_mid_write_leaves_nothing_half_written_and_its_lease_moves(
        store, actor, desks, monkeypatch):
    before = len(families.find(store, "Половина"))
    desk = desks.start("hold_then_write", 50, env={"DESK_LEASE_S": "1"})
    desk.stdin.write("go\n")
    desk.stdin.flush()
    assert desk.stdout.readline() == "lease True\n"
    assert desk.stdout.readline() == "mid-write\n"
    desk.kill()  # kill -9: the PC's power went off mid-transaction
    desk.wait(timeout=30)
    assert len(families.find(store, "Половина")) == before  # rolled back whole
    monkeypatch.setattr(lease, "LEASE_S", 1.0)
    held = lease.take(store, "this-desk", "office-2 (Ольга)")
    assert not held.mine and held.holder == "worker-pc (Мария)"
    deadline = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30)
    while not held.mine and dt.datetime.now(dt.timezone.utc) < deadline:
        held = lease.take(store, "this-desk", "office-2 (Ольга)")  # it runs out by itself
    assert held.mine
