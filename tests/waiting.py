"""Waiting for a condition another thread brings about (a server, the courier), bounded in
time: the test fails on the deadline, it never decides by sleeping."""

from __future__ import annotations

import time


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)
