"""Translatable names of the checks, verdicts and reason codes, and each check's evidence in
words (the photo layer's English message stays available as a tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QColor

from qlue_console.domain import formatting
from qlue_console.gui.i18n import current_language, fill, moment_text
from qlue_console.verify.context import CheckView

_CONTEXT = "VerifyLabels"

# Each check is named by what a pass means, so that "name: verdict" reads as a sentence
# ("Near the report: Fail", "Location in EXIF: Pass").
CHECK_NAMES = {
    "unreadable": QT_TRANSLATE_NOOP("VerifyLabels", "Image readable"),
    "no_location": QT_TRANSLATE_NOOP("VerifyLabels", "Location in EXIF"),
    "no_capture_time": QT_TRANSLATE_NOOP("VerifyLabels", "Capture time in EXIF"),
    "far_from_report": QT_TRANSLATE_NOOP("VerifyLabels", "Near the report"),
    "taken_before_report": QT_TRANSLATE_NOOP("VerifyLabels", "Taken after the report"),
    "stale": QT_TRANSLATE_NOOP("VerifyLabels", "Taken recently"),
    "clock_implausible": QT_TRANSLATE_NOOP("VerifyLabels", "Camera clock plausible"),
    "same_as_citizen_photo": QT_TRANSLATE_NOOP("VerifyLabels", "Differs from the citizen's photo"),
    "reused_proof": QT_TRANSLATE_NOOP("VerifyLabels", "New photo (not reused)"),
    "self_resolved": QT_TRANSLATE_NOOP("VerifyLabels", "Reporter not linked to the official"),
    "poor_quality": QT_TRANSLATE_NOOP("VerifyLabels", "Photo quality"),
    "screenshot_or_edited": QT_TRANSLATE_NOOP(
        "VerifyLabels", "Camera original (not a screenshot or edit)"
    ),
}
VERDICTS = {
    "pass": QT_TRANSLATE_NOOP("VerifyLabels", "Pass"),
    "warn": QT_TRANSLATE_NOOP("VerifyLabels", "Warning"),
    "fail": QT_TRANSLATE_NOOP("VerifyLabels", "Fail"),
    "skipped": QT_TRANSLATE_NOOP("VerifyLabels", "Not checked"),
}
REASON_NAMES = {
    "wrong_place": QT_TRANSLATE_NOOP("VerifyLabels", "Wrong place"),
    "old_photo": QT_TRANSLATE_NOOP("VerifyLabels", "Old photo"),
    "reused_photo": QT_TRANSLATE_NOOP("VerifyLabels", "Reused photo"),
    "not_fixed": QT_TRANSLATE_NOOP("VerifyLabels", "Not showing the fix"),
    "unreadable": QT_TRANSLATE_NOOP("VerifyLabels", "Unreadable"),
    "other": QT_TRANSLATE_NOOP("VerifyLabels", "Other (write a note)"),
}
_QUALITY = {
    "blurred": QT_TRANSLATE_NOOP("VerifyLabels", "blurred"),
    "too_dark": QT_TRANSLATE_NOOP("VerifyLabels", "too dark"),
    "overexposed": QT_TRANSLATE_NOOP("VerifyLabels", "overexposed"),
    "too_small": QT_TRANSLATE_NOOP("VerifyLabels", "too small"),
}

# Background and text colours per verdict (light backgrounds, readable text).
VERDICT_COLOURS = {
    "fail": (QColor("#fde2e1"), QColor("#a61b1b")),
    "warn": (QColor("#fff1d6"), QColor("#8a5300")),
    "pass": (QColor("#e3f5e6"), QColor("#1d6b2f")),
    "skipped": (QColor("#eeeeee"), QColor("#666666")),
}


def tr(source: object) -> str:
    """``source`` translated in this context; ``source`` is a plain string or a
    ``QT_TRANSLATE_NOOP`` mark (typed ``object`` by PySide6, a ``str`` at run time)."""
    return QCoreApplication.translate(_CONTEXT, str(source))


def check_name(code: str) -> str:
    return tr(CHECK_NAMES[code]) if code in CHECK_NAMES else code


def reason_name(code: str) -> str:
    return tr(REASON_NAMES[code]) if code in REASON_NAMES else code


def verdict_key(check: CheckView) -> str:
    return "skipped" if check.skipped else check.verdict


def verdict_name(check: CheckView) -> str:
    return tr(VERDICTS[verdict_key(check)])


def check_result(code: str, verdict: str) -> str:
    """A check and its verdict as one phrase: "Near the report: Fail"."""
    return _fill(
        QT_TRANSLATE_NOOP("VerifyLabels", "%1: %2"),
        check_name(code),
        tr(VERDICTS.get(verdict, verdict)),
    )


class VerifyLabels(QObject):
    """The plural texts of this context (lupdate marks plural forms in ``tr()`` only)."""

    def span(self, seconds: float) -> str:
        if seconds >= 2 * 86400:
            days = round(seconds / 86400)
            return self.tr("%Ln days", "", days)
        if seconds >= 2 * 3600:
            hours = round(seconds / 3600)
            return self.tr("%Ln hours", "", hours)
        minutes = round(seconds / 60)
        return self.tr("%Ln minutes", "", minutes)


_PLURALS = VerifyLabels()


def span(seconds: float) -> str:
    """A time span in whole days, hours or minutes: "3 days", "1 minute"."""
    return _PLURALS.span(abs(seconds))


def metres(value: float) -> str:
    """A distance in the language's number style: "1,2 km" (id), "1.2 km" (en), "620 m"."""
    lang = current_language()
    if value >= 1000:
        return fill(
            tr(QT_TRANSLATE_NOOP("VerifyLabels", "%1 km")),
            formatting.decimal(value / 1000, lang, 1),
        )
    return fill(
        tr(QT_TRANSLATE_NOOP("VerifyLabels", "%1 m")), formatting.integer(round(value), lang)
    )


def _fill(template: object, *values: object) -> str:
    return fill(tr(template), *values)


def evidence_text(check: CheckView) -> str:  # noqa: C901 - one branch per check, flat
    """The evidence of one check in the console's language."""
    e, v, code = check.evidence, check.verdict, check.code
    if check.skipped:
        return tr(QT_TRANSLATE_NOOP("VerifyLabels", "not checked"))
    if code == "unreadable":
        if v == "fail":
            return _fill(
                QT_TRANSLATE_NOOP("VerifyLabels", "not a usable image: %1"), e.get("reason", "")
            )
        return _fill(
            QT_TRANSLATE_NOOP("VerifyLabels", "%1, %2×%3"),
            str(e.get("format", "")).upper(),
            e.get("width", "?"),
            e.get("height", "?"),
        )
    if code == "no_location":
        if v == "pass":
            return _fill(
                QT_TRANSLATE_NOOP("VerifyLabels", "GPS %1, %2"),
                f"{e.get('lat', 0):.5f}",
                f"{e.get('lon', 0):.5f}",
            )
        return tr(QT_TRANSLATE_NOOP("VerifyLabels", "the photo has no GPS position"))
    if code == "no_capture_time":
        if v == "pass":
            return _fill(
                QT_TRANSLATE_NOOP("VerifyLabels", "taken %1"), moment_text(e.get("taken_at"))
            )
        return tr(QT_TRANSLATE_NOOP("VerifyLabels", "the photo has no capture time"))
    if code == "far_from_report":
        return _fill(
            QT_TRANSLATE_NOOP("VerifyLabels", "%1 from the report (limit %2)"),
            metres(float(e.get("distance_m", 0))),
            metres(float(e.get("limit_m", 200))),
        )
    if code == "taken_before_report":
        before = float(e.get("seconds_before", 0))
        if before > 0:
            return _fill(
                QT_TRANSLATE_NOOP("VerifyLabels", "taken %1 before the report"), span(before)
            )
        return _fill(QT_TRANSLATE_NOOP("VerifyLabels", "taken %1 after the report"), span(before))
    if code == "stale":
        return _fill(
            QT_TRANSLATE_NOOP("VerifyLabels", "taken %1 before the follow-up"),
            span(float(e.get("age_seconds", 0))),
        )
    if code == "clock_implausible":
        if v == "fail":
            return _fill(
                QT_TRANSLATE_NOOP("VerifyLabels", "the camera clock says %1"),
                moment_text(e.get("taken_at")),
            )
        return tr(QT_TRANSLATE_NOOP("VerifyLabels", "camera clock plausible"))
    if code == "same_as_citizen_photo":
        return _fill(
            QT_TRANSLATE_NOOP("VerifyLabels", "hash distance %1 from the citizen's photo"),
            e.get("distance", "?"),
        )
    if code == "reused_proof":
        hits = e.get("hits") or []
        if not hits:
            return tr(QT_TRANSLATE_NOOP("VerifyLabels", "no other proof looks like it"))
        text = _fill(
            QT_TRANSLATE_NOOP("VerifyLabels", "like the proof of report #%1 (distance %2)"),
            hits[0].get("report_id"),
            hits[0].get("distance"),
        )
        if len(hits) > 1:
            text += " " + _fill(QT_TRANSLATE_NOOP("VerifyLabels", "and %1 more"), len(hits) - 1)
        return text
    if code == "self_resolved":
        if v == "fail":
            return _fill(
                QT_TRANSLATE_NOOP("VerifyLabels", "reporter %1 is a known citizen account of @%2"),
                e.get("citizen"),
                e.get("official"),
            )
        return _fill(
            QT_TRANSLATE_NOOP("VerifyLabels", "reporter %1 is not linked to @%2"),
            e.get("citizen"),
            e.get("official"),
        )
    if code == "poor_quality":
        issues = [tr(_QUALITY[i]) for i in e.get("issues", []) if i in _QUALITY]
        if not issues:
            return tr(QT_TRANSLATE_NOOP("VerifyLabels", "sharp, well exposed, large enough"))
        return ", ".join(issues)
    if code == "screenshot_or_edited":
        signals = []
        software = e.get("software")
        if v == "fail" and software and not e.get("signals"):
            return _fill(QT_TRANSLATE_NOOP("VerifyLabels", "edited with %1"), software)
        if str(e.get("format", "")).lower() in ("png", "gif", "bmp"):
            signals.append(
                _fill(QT_TRANSLATE_NOOP("VerifyLabels", "%1 file"), str(e.get("format")).upper())
            )
        if not e.get("make") and not e.get("model"):
            signals.append(tr(QT_TRANSLATE_NOOP("VerifyLabels", "no camera make or model")))
        if any("screen-sized" in s for s in e.get("signals", [])):
            signals.append(
                _fill(
                    QT_TRANSLATE_NOOP("VerifyLabels", "screen-sized (%1×%2)"),
                    e.get("width"),
                    e.get("height"),
                )
            )
        if not signals:
            return _fill(
                QT_TRANSLATE_NOOP("VerifyLabels", "camera photo (%1)"),
                " ".join(x for x in (e.get("make"), e.get("model")) if x) or "?",
            )
        return "; ".join(signals)
    return check.message
