"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that returns
nothing and the interpreter aborts after a few thousand calls ("none_dealloc"). This fails the
suite if an upgrade brings the bug back."""

import sys

from PySide6.QtCore import QObject, QTimer


def test_void_methods_do_not_leak_references_to_none(qapp):
    obj = QObject()
    timer = QTimer()
    before = sys.getrefcount(None)
    for i in range(10_000):
        obj.setObjectName("x")
        timer.stop()
    assert sys.getrefcount(None) >= before - 100
