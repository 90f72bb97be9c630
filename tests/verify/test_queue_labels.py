"""The verifier's words: every risk above zero is explained in the queue (failed checks first,
then warnings), and a check's name reads naturally with its verdict, in English and Indonesian."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from qlue_console.gui.verify.labels import CHECK_NAMES, check_name, check_result
from qlue_console.gui.verify.queue_model import COL_CHECKS, VerifyQueueModel
from qlue_console.paths import resources_dir
from qlue_console.photos.checks import CHECK_CODES, CheckResult, risk_score
from qlue_console.verify.queue import PendingItem


def _item(risk, failing=(), warning=()):
    return PendingItem(
        follow_up_id=1,
        report_id=7,
        risk=risk,
        submitted_at=datetime(2026, 11, 30, 9, 0),
        official="lurah.gambir",
        official_name="Lurah Gambir",
        category_id="Sampah",
        category_en="Rubbish",
        kelurahan="Gambir",
        kecamatan="Gambir",
        failing=tuple(failing),
        warning=tuple(warning),
    )


@pytest.fixture
def indonesian(qapp):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "qlue_id.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_a_risk_made_of_warnings_only_is_explained(qapp):
    warnings = ("no_location", "no_capture_time")
    risk = risk_score([CheckResult(code, "warn", "") for code in warnings])
    assert risk > 0
    model = VerifyQueueModel("en")
    model.set_rows([_item(risk, warning=warnings), _item(0)])
    assert model.headerData(COL_CHECKS, Qt.Orientation.Horizontal) == "Checks to look at"
    assert (
        model.data(model.index(0, COL_CHECKS))
        == "Location in EXIF: Warning · Capture time in EXIF: Warning"
    )
    assert model.data(model.index(1, COL_CHECKS)) == "–"


def test_failed_checks_come_before_warnings(qapp):
    model = VerifyQueueModel("en")
    model.set_rows(
        [_item(63, failing=("far_from_report",), warning=("no_capture_time", "poor_quality"))]
    )
    assert (
        model.data(model.index(0, COL_CHECKS))
        == "Near the report: Fail · Capture time in EXIF: Warning · Photo quality: Warning"
    )


def test_check_names_read_as_what_a_pass_means(qapp):
    assert set(CHECK_NAMES) == set(CHECK_CODES)
    assert check_result("no_location", "pass") == "Location in EXIF: Pass"
    assert check_result("far_from_report", "fail") == "Near the report: Fail"
    assert not any(
        check_name(code).lower().startswith(("no ", "far ", "stale", "reused", "poor"))
        for code in CHECK_CODES
    )


def test_check_names_in_indonesian(indonesian):
    assert check_result("no_location", "pass") == "Lokasi di EXIF: Lolos"
    assert check_result("far_from_report", "fail") == "Dekat lokasi laporan: Gagal"
    model = VerifyQueueModel("id")
    assert (
        model.headerData(COL_CHECKS, Qt.Orientation.Horizontal) == "Pemeriksaan yang perlu dilihat"
    )
    assert all(
        check_name(code) != CHECK_NAMES[code] for code in CHECK_CODES
    )  # every name translated
