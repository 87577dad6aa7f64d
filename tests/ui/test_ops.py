"""The operations layer runs a command again when its transaction collided with another
desk's before anything was committed, and words the collision in Russian when it kept
happening."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk.services.store import errors
from desk.ui import messages


def test_a_command_that_collided_before_committing_is_run_again(qtbot, ctx):
    owner = QWidget()
    qtbot.addWidget(owner)
    runs, results = [], []

    def work():
        runs.append(1)
        if len(runs) == 1:
            raise errors.WritesCollided("collided")
        return "saved"

    ctx.ops.command(owner, work, results.append)
    assert runs == [1, 1] and results == ["saved"]


def test_a_collision_that_keeps_happening_is_told_in_russian(qtbot, ctx, russian):
    owner = QWidget()
    qtbot.addWidget(owner)
    told = []

    def work():
        raise errors.WritesCollided("collided")

    ctx.ops.command(owner, work, on_failure=lambda exc: told.append(messages.error_message(exc)))
    assert len(told) == 1 and "На другом компьютере" in told[0] and "не потеряно" in told[0]
