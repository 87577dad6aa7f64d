"""The few colours the lists share: red for late or negative (as the field errors), green for
done."""

from PySide6.QtGui import QColor

RED = QColor("#b00020")
GREEN = QColor("#2e7d32")
