"""A small Bot-API-compatible HTTP server on loopback: getMe, getUpdates (long polling with
offset), sendMessage, sendDocument and sendVoice, getWebhookInfo and deleteWebhook (while a
webhook is set, getUpdates answers 409 Conflict, as Telegram does). It can fail (HTTP 500) the next N calls of a
method, hang on them, or answer like a proxy in front of a self-hosted server that gave up
waiting (504 in HTML, after the message went through), so the desk's retries and offline state
can be tested."""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class FakeBotApi:
    def __init__(self, token: str = "123:secret", username: str = "studio_bot") -> None:
        self.token = token
        self.username = username
        self.updates: list[dict] = []
        self.sent: list[dict] = []  # what the desk sent, in order
        self.calls: list[str] = []  # every method called
        self.fail: dict[str, int] = {}  # method → how many next calls answer HTTP 500
        self.refuse: dict[str, int] = {}  # method → how many next calls answer 403
        self.hang: dict[str, float] = {}  # method → seconds to stall before answering
        self.gateway: dict[str, int] = {}  # method → how many next calls a proxy answers 504
        self.too_many: dict[str, int] = {}  # method → retry_after of the next call's 429
        self.webhook = ""  # a webhook URL set by someone else: getUpdates answers 409
        self.webhook_pending = 0  # getWebhookInfo's pending_update_count
        self.webhook_error: tuple[int, str] | None = None  # (last_error_date, message)
        self._ids = itertools.count(1)
        self._messages = itertools.count(1000)
        self._cond = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        # shutdown() waits for the loop's next look at its flag: every 20 ms, not the default
        # 0.5 s that each test would otherwise spend in its teardown
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeBotApi:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()

    # the client's side ----------------------------------------------------------------
    def client_writes(self, chat_id: int, text: str, *, first_name: str = "Вера",
                      username: str = "", date: float | None = None, phone: str = "") -> int:
        update_id = next(self._ids)
        message = {"message_id": next(self._messages), "date": int(date or time.time()),
                   "chat": {"id": chat_id, "type": "private"},
                   "from": {"id": chat_id, "is_bot": False, "first_name": first_name},
                   "text": text}
        if username:
            message["from"]["username"] = username
        if phone:
            message["contact"] = {"phone_number": phone, "first_name": first_name}
        with self._cond:
            self.updates.append({"update_id": update_id, "message": message})
            self._cond.notify_all()
        return update_id

    # the test's side -----------------------------------------------------------------
    def poke(self, *_args) -> None:
        """Something changed (a call here, a courier's callback): wake whoever waits."""
        with self._cond:
            self._cond.notify_all()

    def release(self) -> None:
        """Every stalled call answers now: the test did what it needed while they hung."""
        with self._cond:
            self.hang.clear()
            self._cond.notify_all()

    def wait_until(self, condition, seconds: float = 10.0) -> None:
        """Wait until ``condition()`` holds, woken by every call here and every poke; the test
        fails on the deadline and never decides by sleeping."""
        with self._cond:
            assert self._cond.wait_for(condition, seconds), "timed out"

    # the API ----------------------------------------------------------------------------
    def _answer(self, method: str, params: dict) -> tuple[int, dict | str]:
        self.calls.append(method)
        self.poke()
        stall = self.hang.get(method)
        if stall:  # the whole stall, however often the condition is poked meanwhile
            deadline = time.monotonic() + stall
            with self._cond:
                while self.hang and (left := deadline - time.monotonic()) > 0:
                    self._cond.wait(left)
        if self.fail.get(method):
            self.fail[method] -= 1
            return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        if method in self.too_many:
            return 429, {"ok": False, "error_code": 429,
                         "description": "Too Many Requests: retry after "
                                        f"{self.too_many[method]}",
                         "parameters": {"retry_after": self.too_many.pop(method)}}
        if self.refuse.get(method):
            self.refuse[method] -= 1
            return 403, {"ok": False, "error_code": 403,
                         "description": "Forbidden: bot was blocked by the user"}
        if self.gateway.get(method):  # the call is done, but the proxy stopped waiting
            self.gateway[method] -= 1
            self._answer(method, params)
            self.calls.pop()  # one call, not two
            return 504, "<html><body><h1>504 Gateway Time-out</h1></body></html>"
        if method == "getMe":
            return 200, {"ok": True, "result": {"id": 1, "is_bot": True,
                                                "first_name": "Studio",
                                                "username": self.username}}
        if method == "getWebhookInfo":
            info = {"url": self.webhook, "has_custom_certificate": False,
                    "pending_update_count": self.webhook_pending or len(self.updates)}
            if self.webhook_error:
                info["last_error_date"], info["last_error_message"] = self.webhook_error
            return 200, {"ok": True, "result": info}
        if method == "deleteWebhook":
            self.webhook = ""
            return 200, {"ok": True, "result": True, "description": "Webhook was deleted"}
        if method == "getUpdates" and self.webhook:
            return 409, {"ok": False, "error_code": 409,
                         "description": "Conflict: can't use getUpdates method while webhook "
                                        "is active; use deleteWebhook to delete the webhook "
                                        "first"}
        if method == "getUpdates":
            offset = int(params.get("offset", 0) or 0)
            deadline = time.monotonic() + float(params.get("timeout", 0) or 0)
            with self._cond:
                while True:
                    found = [u for u in self.updates if u["update_id"] >= offset]
                    found = found[:int(params.get("limit", 100) or 100)]
                    left = deadline - time.monotonic()
                    if found or left <= 0:
                        break
                    self._cond.wait(left)
            return 200, {"ok": True, "result": found}
        if method in ("sendMessage", "sendDocument", "sendVoice"):
            record = {"method": method, **params}
            self.sent.append(record)
            self.poke()
            return 200, {"ok": True, "result": {
                "message_id": next(self._messages), "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "text": params.get("text", "")}}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                prefix = f"/bot{api.token}/"
                if not self.path.startswith(prefix):
                    self._reply(401, {"ok": False, "error_code": 401,
                                      "description": "Unauthorized"})
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self._reply(*api._answer(self.path[len(prefix):], _params(
                    self.headers.get("Content-Type", ""), body)))

            do_GET = do_POST  # noqa: N815

            def _reply(self, status: int, payload: dict | str) -> None:
                html = isinstance(payload, str)
                data = payload.encode() if html else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "text/html" if html else "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting

            def log_message(self, *args) -> None:
                pass

        return Handler


def _params(content_type: str, body: bytes) -> dict:
    if content_type.startswith("application/json"):
        return json.loads(body or b"{}")
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        params = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if part.get_filename():
                params[name] = {"filename": part.get_filename(),
                                "size": len(part.get_payload(decode=True))}
            else:
                params[name] = part.get_payload(decode=True).decode("utf-8").strip()
        return params
    return {k: v[0] for k, v in parse_qs(body.decode()).items()}
