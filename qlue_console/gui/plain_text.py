"""Text from citizens and officials shown as the characters they typed, never as markup.

Labels take ``Qt.PlainText``; item views draw their display text plainly. Tooltips are the
trap: Qt renders a tooltip as rich text whenever ``Qt::mightBeRichText`` guesses so, and
``<img src=x …>`` in a citizen's report then draws a broken image. ``plain_tooltip`` is the one
way a tooltip is given text that came from outside: escaped and wrapped, so Qt always renders
it as rich text whose visible characters are exactly the original ones.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt as QtGui


def plain_tooltip(text: str | None) -> str:
    """A tooltip showing ``text`` literally (line breaks kept); empty text gives no tooltip."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_message(text: str) -> str:
    """Text for a message box (which, like a tooltip, guesses the format): as it is unless Qt
    would take it for markup, then escaped the same way."""
    return plain_tooltip(text) if QtGui.mightBeRichText(text) else text
