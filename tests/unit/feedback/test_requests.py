"""First feedback: a first-timer's booking opens a request; after the lesson the teacher's
words and voice note are recorded, edited by the copywriter or not, and go to the parent."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from desk.models.comms import Conversation, InboxMessage
from desk.models.enums import (
    Channel, FeedbackStatus, InboxChannel, Mark,
)
from desk.models.files import StoredFile
from desk.services.comms import mailings, outbox
from desk.services.crm import families
from desk.services.feedback import requests
from desk.services.privacy import privacy
from desk.services.schedule import attendance, enrolment, lessons
from desk.services.store import errors
from tests.chats import wrote_to_bot
from desk.services.crm.families import ChildDraft, FamilyDraft, GuardianDraft

MSK = dt.timezone(dt.timedelta(hours=3))
LESSON = dt.datetime(2026, 3, 5, 17, tzinfo=MSK)  # the clock starts on 4 March, 12:00
ENDS = LESSON + dt.timedelta(minutes=90)
OGG = b"OggS" + b"\x01" * 300


@pytest.fixture(autouse=True)
def _channels(channels_on):
    """Telegram and e-mail switched on."""


def family(store, actor, preferred=Channel.TELEGRAM, chat="501", consent=True):
    fid = families.save(store, actor, FamilyDraft(
        guardians=(GuardianDraft("Ёлкина Вера Павловна", email="vera@example.ru"),),
        children=(ChildDraft("Ёлкин Саша", dt.date(2018, 1, 1)),),
        preferred_channel=preferred, consent_messages=consent))
    if chat:  # the family wrote to the bot once: the desk has its chat
        wrote_to_bot(store, fid, chat)
    return fid


@pytest.fixture
def booked(store, actor):
    """A first-timer booked for Thursday's ceramics with Ирина Глинина: (family, request)."""
    ceramics = next(d for d in lessons.directions(store) if d.name == "Керамика")
    teacher = lessons.save_teacher(store, actor, "Ирина Глинина")
    lesson = lessons.save_lesson(store, actor, lessons.LessonDraft(ceramics.id, LESSON,
                                                                   teacher_id=teacher))
    fid = family(store, actor)
    child = families.card(store, fid).draft.children[0].id
    [enrolment_id] = enrolment.enrol(store, actor, lesson, fid, [child])
    [row] = requests.open_requests(store)
    return fid, row.id, enrolment_id


def test_a_first_timers_booking_opens_a_request_due_after_the_lesson_and_late_a_day_later(
        store, actor, clock, booked):
    fid, rid, enrolment_id = booked
    [row] = requests.open_requests(store)
    assert (row.family_id, row.child, row.direction, row.teacher) == (
        fid, "Ёлкин Саша", "Керамика", "Ирина Глинина")
    assert row.status is FeedbackStatus.WAITING and not row.ended
    assert requests.due(store) == []  # the lesson is still to come
    clock.now = ENDS.astimezone(dt.timezone.utc) + dt.timedelta(minutes=1)
    [row] = requests.due(store)
    assert row.due_at == ENDS + dt.timedelta(hours=24) and not row.late
    clock.now += dt.timedelta(hours=24)
    assert requests.due(store)[0].late
    requests.set_deadlines(store, actor, 48, 7)  # the studio allows two days
    assert not requests.due(store)[0].late
    attendance.mark(store, actor, enrolment_id, Mark.ABSENT)  # never came: nothing to say
    assert requests.due(store) == []
    attendance.mark(store, actor, enrolment_id, Mark.ATTENDED)
    assert [r.id for r in requests.due(store)] == [rid]


def test_the_deadlines_are_bounded(store, actor):
    for hours, days in ((0, 0), (721, 61)):
        with pytest.raises(errors.ValidationFailed) as caught:
            requests.set_deadlines(store, actor, hours, days)
        assert caught.value.fields == {"hours": "feedback_hours_invalid",
                                       "days": "feedback_days_invalid"}


def test_words_and_a_voice_note_go_by_telegram_text_first_outside_the_budget(
        store, actor, clock, booked, bot, adapter, tmp_path):
    fid, rid, _ = booked
    clock.now = ENDS.astimezone(dt.timezone.utc) + dt.timedelta(hours=1)  # 19:30 studio time
    voice = tmp_path / "голос.ogg"
    voice.write_bytes(OGG)
    requests.record(store, actor, rid, requests.Words("Саша был внимателен и вылепил чашку.",
                                                      audio=voice))
    composed = requests.compose(store, rid)
    assert composed.channel is InboxChannel.TELEGRAM and composed.address == "501"
    assert composed.voice and composed.audio_name == "голос.ogg" and composed.refused == ""
    assert composed.text.startswith("Вера, здравствуйте!")
    assert "Ирина Глинина: Саша был внимателен и вылепил чашку." in composed.text
    assert "«Керамика»" in composed.text
    assert requests.send(store, actor, rid, composed.text + " Ждём!") is InboxChannel.TELEGRAM
    assert outbox.deliver(store, {InboxChannel.TELEGRAM: adapter}) == (2, 0)
    assert [m["method"] for m in bot.sent] == ["sendMessage", "sendVoice"]
    assert bot.sent[0]["text"].endswith("Ждём!")
    [row] = requests.of_family(store, fid)
    assert row.status is FeedbackStatus.SENT and row.sent_text.endswith("Ждём!")
    with store.read() as s:  # the desk's initiative: no budget spent, no client waiting
        assert mailings.used_budget(s, [fid], clock.now, 7) == {}
        assert s.scalar(select(func.count()).select_from(Conversation).where(
            Conversation.waiting_since.is_not(None))) == 0
    assert requests.open_requests(store) == []
    with pytest.raises(errors.ValidationFailed) as caught:  # it went once
        requests.send(store, actor, rid, "ещё раз")
    assert caught.value.fields == {"text": "feedback_sent"}
    timeline = [t.text for t in families.card(store, fid).timeline]
    assert any("отправлена родителю (Telegram)" in t for t in timeline)


def test_late_in_the_evening_it_waits_for_the_morning(store, actor, clock, booked):
    _, rid, _ = booked
    clock.now = dt.datetime(2026, 3, 5, 23, 30, tzinfo=MSK).astimezone(dt.timezone.utc)
    requests.record(store, actor, rid, requests.Words("Молодец!"))
    requests.send(store, actor, rid, requests.compose(store, rid).text)
    with store.read() as s:
        after = s.scalar(select(InboxMessage.send_after).where(InboxMessage.kind == "feedback"))
    assert after == dt.datetime(2026, 3, 6, 8, tzinfo=MSK)


def test_the_copywriters_version_is_what_goes(store, actor, booked):
    _, rid, _ = booked
    requests.record(store, actor, rid, requests.Words("саша молодец лепил", to_copywriter=True))
    assert requests.request(store, rid).status is FeedbackStatus.COPYWRITER
    with pytest.raises(errors.ValidationFailed) as caught:
        requests.send(store, actor, rid, "текст")
    assert caught.value.fields == {"text": "feedback_at_copywriter"}
    requests.set_edited(store, actor, rid, "Саша с первых минут увлёкся лепкой.")
    row = requests.request(store, rid)
    assert row.status is FeedbackStatus.READY and row.words == "саша молодец лепил"
    assert "Саша с первых минут увлёкся лепкой." in requests.compose(store, rid).text


def test_a_family_on_whatsapp_gets_it_copied_and_marked_sent(store, actor, booked):
    fid, rid, _ = booked
    draft = families.card(store, fid).draft
    families.save(store, actor, dataclasses.replace(draft, preferred_channel=Channel.WHATSAPP))
    requests.record(store, actor, rid, requests.Words("Отлично занимался."))
    composed = requests.compose(store, rid)
    assert composed.channel is None and composed.preferred is Channel.WHATSAPP
    with pytest.raises(errors.ValidationFailed) as caught:
        requests.send(store, actor, rid, composed.text)
    assert caught.value.fields == {"text": "no_channel"}
    requests.mark_sent(store, actor, rid, composed.text)
    assert requests.request(store, rid).status is FeedbackStatus.SENT
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(InboxMessage).where(
            InboxMessage.kind == "feedback")) == 0


def test_bad_input_is_told_beside_its_field_and_nothing_changes(store, actor, booked,
                                                               tmp_path, monkeypatch):
    _, rid, _ = booked
    cases = [(requests.Words("  "), {"words": "feedback_empty"})]
    wav = tmp_path / "запись.wav"
    wav.write_bytes(b"RIFF")
    cases.append((requests.Words("текст", audio=wav), {"audio": "audio_type"}))
    big = tmp_path / "длинная.mp3"
    big.write_bytes(b"\0" * 2048)
    cases.append((requests.Words("текст", audio=big), {"audio": "audio_too_big"}))
    cases.append((requests.Words("текст", audio=tmp_path / "нет.ogg"), {"audio": "file_missing"}))
    monkeypatch.setattr(requests, "MAX_AUDIO", 1024)
    for words, fields in cases:
        with pytest.raises(errors.ValidationFailed) as caught:
            requests.record(store, actor, rid, words)
        assert caught.value.fields == fields
    row = requests.request(store, rid)
    assert row.status is FeedbackStatus.WAITING and row.words == "" and row.audio_file_id is None
    with pytest.raises(errors.ValidationFailed) as caught:
        requests.compose(store, rid)
    assert caught.value.fields == {"words": "feedback_empty"}


def test_a_voice_note_alone_is_enough_and_a_replaced_one_is_let_go(store, actor, booked,
                                                                   tmp_path):
    _, rid, _ = booked
    first, second = tmp_path / "1.ogg", tmp_path / "2.m4a"
    first.write_bytes(OGG)
    second.write_bytes(b"m4a" * 50)
    requests.record(store, actor, rid, requests.Words("", audio=first))
    assert "голосовое сообщение" in requests.compose(store, rid).text
    requests.record(store, actor, rid, requests.Words("", audio=second))
    with store.read() as s:
        assert list(s.scalars(select(StoredFile.name))) == ["2.m4a"]
    assert not requests.compose(store, rid).voice  # m4a goes as a file
    requests.record(store, actor, rid, requests.Words("Теперь текстом", keep_audio=False))
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(StoredFile)) == 0


def test_the_export_holds_the_feedback_and_the_erase_leaves_none_of_it(store, actor, booked,
                                                                       tmp_path):
    fid, rid, _ = booked
    voice = tmp_path / "v.ogg"
    voice.write_bytes(OGG)
    requests.record(store, actor, rid, requests.Words("Саша рисовал дракона", audio=voice))
    [item] = privacy.export_data(store, fid)["feedback"]
    assert item["words"] == "Саша рисовал дракона" and item["child"] == "Ёлкин Саша"
    assert base64.b64decode(item["audio_base64"]) == OGG
    privacy.erase(store, actor, fid)
    assert requests.of_family(store, fid) == []
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(StoredFile)) == 0
    assert "дракона" not in json.dumps(privacy.export_data(store, fid), ensure_ascii=False)


def test_changed_words_drop_the_copywriters_older_version(store, actor, booked):
    _, rid, _ = booked
    requests.record(store, actor, rid, requests.Words("черновик", to_copywriter=True))
    requests.set_edited(store, actor, rid, "Отредактировано")
    requests.record(store, actor, rid, requests.Words("новые слова педагога"))
    row = requests.request(store, rid)
    assert row.edited == "" and row.final_words == "новые слова педагога"
