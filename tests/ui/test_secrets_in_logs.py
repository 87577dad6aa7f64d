"""No token or password in any log: the courier polls and sends against the loopback Bot API
with logging at DEBUG, errors included, and the token is found nowhere under the data folder."""

from __future__ import annotations

import logging

import pytest

from desk import paths
from desk.services.comms import channel_settings, inbox
from desk.services.store import redact
from desk.services.comms.courier import Courier
from desk.ui import crash
from tests.servers.telegram import FakeBotApi

TOKEN = "7351842094:AAH4xkq9vT2LmPzR8sWnJ3bYcE6fDu1QoGi"
PASSWORD = "Kj8#mail-pass-2026"



@pytest.mark.logs_warnings
def test_the_token_is_nowhere_under_the_data_folder_after_polling_at_debug(
        store, actor, data_dir, tmp_path):
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    log_path = crash.setup_logging(paths.logs_dir())
    root.setLevel(logging.DEBUG)
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    logging.getLogger("httpx").setLevel(logging.DEBUG)  # someone turned it up: the filter holds
    try:
        with FakeBotApi(token=TOKEN) as bot:
            channel_settings.save_telegram(store, actor, channel_settings.TelegramSettings(
                True, bot.url), TOKEN)
            adapters = channel_settings.adapters(store)
            courier = Courier(store, adapters, long_poll_s=0.2, backoff_max_s=0.1,
                              on_received=bot.poke)
            bot.fail["getUpdates"] = 2  # offline reasons are logged too
            courier.start()
            try:
                bot.client_writes(501, "Здравствуйте", date=store.now().timestamp())
                bot.wait_until(lambda: inbox.queue(store))
                [row] = inbox.queue(store)
                inbox.reply(store, actor, row.id, inbox.ReplyDraft("Добрый день!"))
                courier.wake()
                bot.wait_until(lambda: bot.sent)
                bot.wait_until(lambda: bot.calls.count("getUpdates") >= 6)
            finally:
                courier.stop()
        try:
            raise RuntimeError(f"GET {bot.url}/bot{TOKEN}/getUpdates failed; pass {PASSWORD}")
        except RuntimeError:
            redact.remember(PASSWORD)
            logging.getLogger("desk").exception("with a traceback: %s", f"bot{TOKEN}")
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
                root.removeHandler(handler)
        root.setLevel(level)
        logging.getLogger("httpx").setLevel(logging.WARNING)
    text = log_path.read_text(encoding="utf-8")
    assert "getUpdates" in text and "bot***" in text  # the log was written, redacted
    found = [p for p in tmp_path.rglob("*") if p.is_file()
             and (TOKEN.encode() in p.read_bytes() or PASSWORD.encode() in p.read_bytes())]
    assert found == []


def test_redact_replaces_tokens_in_urls_and_remembered_secrets():
    redact.remember("hunter2-long")
    assert redact.redact(f"https://api.telegram.org/bot{TOKEN}/getMe x hunter2-long") == \
        "https://api.telegram.org/bot***/getMe x ***"
    assert redact.redact(f"token {TOKEN}") == "token ***"


def test_escaped_and_url_encoded_secrets_are_redacted_and_a_broken_call_does_not_raise():
    import io

    redact.remember("pa\\ss-2026")
    assert redact.redact("repr 'pa\\\\ss-2026'") == "repr '***'"
    assert redact.redact(f"GET /bot{TOKEN.replace(':', '%3A')}/getMe") == "GET /bot***/getMe"
    handler = logging.StreamHandler(io.StringIO())
    handler.addFilter(redact.RedactingFilter())
    log = logging.getLogger("desk.test.broken")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("two args %s %s", TOKEN)  # wrong count: logged, not raised, no token
    finally:
        log.removeHandler(handler)
    assert TOKEN not in handler.stream.getvalue()
