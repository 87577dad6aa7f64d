"""Telegram through the studio's bot: getUpdates long polling to receive; sendMessage,
sendDocument and sendVoice to answer. The API's base URL is a setting, since a studio may run
its own Bot API server. The token never reaches a log: errors name the method, not the URL.

Sending keeps to Telegram's limits (``Pace``): about one message a second to one chat, about
thirty a second in all, and none while a 429's ``retry_after`` runs."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import functools
import json
import math
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable

import httpx

from desk.models.enums import InboxChannel
from desk.services.comms.channels.base import (
    Batch, ChannelDown, ChannelRefused, DeliveryUnknown, Incoming, Outgoing, identity_of,
)

DEFAULT_BASE_URL = "https://api.telegram.org"
CONNECT_TIMEOUT_S = 5.0
_GATEWAY_GAVE_UP = (502, 504)  # a proxy's page, not the API's answer: the call may have gone
SEND_TIMEOUT_S = 20.0


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every adapter: building one loads the whole CA bundle (~45 ms),
    and each restart of the courier makes new adapters."""
    return httpx.create_ssl_context()


class Pace:
    """When the next message may go: ``PER_CHAT_S`` apart to one chat, at most ``PER_SECOND``
    in any second, nothing while held after a 429. ``clock`` and ``sleep`` are a test's to
    replace."""

    PER_CHAT_S = 1.0
    PER_SECOND = 30

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.clock, self.sleep = clock, sleep
        self._chat_next: dict[str, float] = {}
        self._recent: collections.deque[float] = collections.deque(maxlen=self.PER_SECOND)
        self._held_until = 0.0
        self._lock = threading.Lock()

    def hold(self, seconds: float) -> None:
        """Telegram said "retry after": nothing goes to any chat until then."""
        with self._lock:
            self._held_until = max(self._held_until, self.clock() + seconds)

    def held_for(self) -> float:
        return max(0.0, self._held_until - self.clock())

    def wait_turn(self, chat: str) -> None:
        """Wait (at most about a second) until a message to ``chat`` may go, and count it."""
        with self._lock:
            now = self.clock()
            wait = self._chat_next.get(chat, now) - now
            if len(self._recent) == self.PER_SECOND:  # thirty went: the oldest a second ago
                wait = max(wait, self._recent[0] + 1.0 - now)
            if wait > 0:
                self.sleep(wait)
                now = self.clock()
            if len(self._chat_next) > 1000:  # chats whose pause is over need no entry
                self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
            self._chat_next[chat] = now + self.PER_CHAT_S
            self._recent.append(now)


class TelegramAdapter:
    channel = InboxChannel.TELEGRAM

    def __init__(self, token: str, base_url: str = DEFAULT_BASE_URL,
                 timeout_s: float = SEND_TIMEOUT_S, pace: Pace | None = None) -> None:
        base = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self._root = f"{base}/bot{token}/"
        self.identity = identity_of(base, token)
        self.timeout_s = timeout_s
        self.pace = pace or Pace()
        self._http = httpx.Client(timeout=httpx.Timeout(timeout_s, connect=CONNECT_TIMEOUT_S),
                                  verify=_tls())

    def _call(self, method: str, params: dict | None = None, *, wait: float | None = None,
              files=None):
        """One Bot API call. A failure before the request left (no connection) is ChannelDown;
        one after it left without an answer is DeliveryUnknown, and so is a proxy's own 502 or
        504 page (a self-hosted server behind nginx: the request may have gone through); the
        API's own refusal for good is ChannelRefused; the API's 429 and 5xx are ChannelDown
        (with retry_after when given)."""
        params = params or {}
        try:
            if files:
                response = self._http.post(self._root + method, data=params, files=files,
                                           timeout=wait or self.timeout_s)
            else:
                response = self._http.post(self._root + method, json=params,
                                           timeout=wait or self.timeout_s)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout,
                httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:  # nothing left
            raise ChannelDown(f"telegram {method}: {type(exc).__name__}",
                              reason="no_connection") from None
        except httpx.TimeoutException:
            raise DeliveryUnknown(f"telegram {method}: no answer in time",
                                  reason="no_answer") from None
        except httpx.HTTPError as exc:  # the connection broke while the request was out
            raise DeliveryUnknown(f"telegram {method}: {type(exc).__name__}",
                                  reason="connection_lost") from None
        except RuntimeError:  # the client was closed before the request: nothing left
            raise ChannelDown(f"telegram {method}: closed", reason="closed") from None
        try:
            body = response.json()
        except json.JSONDecodeError:
            if response.status_code in _GATEWAY_GAVE_UP:
                raise DeliveryUnknown(f"telegram {method}: HTTP {response.status_code}",
                                      reason="gateway") from None
            raise ChannelDown(f"telegram {method}: HTTP {response.status_code}",
                              reason=f"http_{response.status_code}") from None
        if body.get("ok"):
            return body["result"]
        reason = str(body.get("description") or f"HTTP {response.status_code}")[:200]
        code = body.get("error_code", response.status_code)
        if code in (400, 403, 404) and method != "getUpdates":
            raise ChannelRefused(f"telegram {method}: {reason}", reason=reason, code=code)
        retry_after = (body.get("parameters") or {}).get("retry_after")
        raise ChannelDown(f"telegram {method}: {reason}", reason=reason, code=code,
                          retry_after=retry_after)

    def fetch(self, cursor: str, wait_s: float) -> Batch:
        params = {"timeout": int(wait_s), "allowed_updates": ["message"]}
        if cursor:
            params["offset"] = int(cursor)
        try:
            updates = self._call("getUpdates", params, wait=wait_s + self.timeout_s)
        except DeliveryUnknown as exc:  # nothing was sent: receiving just tries again
            raise ChannelDown(str(exc), reason=exc.params.get("reason")) from None
        found = []
        next_offset = int(cursor) if cursor else 0
        for update in updates:
            next_offset = max(next_offset, int(update["update_id"]) + 1)
            message = update.get("message")
            if message:
                found.append(_incoming(message, self.identity))
        return Batch(tuple(found), str(next_offset) if next_offset else cursor, self.identity)

    def send(self, message: Outgoing) -> str:
        held = self.pace.held_for()
        if held > 0:  # Telegram asked to wait: the message goes back to the queue till then
            raise ChannelDown("telegram: waiting as asked", reason="Too Many Requests: waiting",
                              retry_after=math.ceil(held))
        self.pace.wait_turn(str(message.address))
        try:
            return self._send(message)
        except ChannelDown as exc:
            if exc.params.get("retry_after"):
                self.pace.hold(float(exc.params["retry_after"]))
            raise

    def _send(self, message: Outgoing) -> str:
        if message.attachment is None:
            result = self._call("sendMessage", {"chat_id": message.address, "text": message.text})
        else:
            method, field = ("sendVoice", "voice") if message.voice else ("sendDocument",
                                                                         "document")
            params = {"chat_id": message.address}
            if message.text:
                params["caption"] = message.text
            result = self._call(method, params, files={
                field: (message.attachment.name, message.attachment.data)})
        return f"{result['chat']['id']}:{result['message_id']}"

    def check(self) -> str:
        me = self._call("getMe")
        return "@" + me.get("username", "") if me.get("username") else me.get("first_name", "")

    def webhook_info(self) -> WebhookInfo:
        """getWebhookInfo: whether a webhook is set (it blocks getUpdates), what waits, and the
        last error Telegram met delivering to it. Of the URL only its host is kept: the rest
        may hold a secret."""
        info = self._call("getWebhookInfo")
        url = str(info.get("url") or "")
        last = info.get("last_error_date")
        return WebhookInfo(
            bool(url), urllib.parse.urlsplit(url).hostname or "" if url else "",
            info.get("pending_update_count"),
            dt.datetime.fromtimestamp(last, dt.timezone.utc) if last else None,
            str(info.get("last_error_message") or ""))

    def delete_webhook(self) -> None:
        """deleteWebhook: receiving by getUpdates works again (what waits is kept)."""
        self._call("deleteWebhook", {"drop_pending_updates": False})

    def close(self) -> None:
        self._http.close()


@dataclasses.dataclass(frozen=True)
class WebhookInfo:
    set: bool
    host: str  # the webhook's host only: its path may hold a secret
    pending: int | None
    last_error_at: dt.datetime | None
    last_error: str


def _incoming(message: dict, bot: str) -> Incoming:
    """``bot``: the adapter's identity — a chat keeps its id with a new bot, whose message
    numbers start again, so the bot is part of what makes a message unique."""
    sender = message.get("from") or {}
    chat = message.get("chat") or {}
    name = " ".join(p for p in (sender.get("first_name"), sender.get("last_name")) if p)
    contact = message.get("contact") or {}
    attachment = ""
    for kind in ("document", "audio", "video"):
        if kind in message:
            attachment = message[kind].get("file_name", kind)
    if "voice" in message:
        attachment = "voice"
    if "photo" in message:
        attachment = "photo"
    return Incoming(
        external_id=f"{bot}:{chat.get('id')}:{message['message_id']}",
        address=str(chat.get("id")),
        name=name or sender.get("username", ""),
        text=message.get("text") or message.get("caption") or "",
        at=dt.datetime.fromtimestamp(message.get("date", 0), dt.timezone.utc),
        phone=contact.get("phone_number", ""),
        handle=sender.get("username", ""),
        attachment=attachment,
    )
