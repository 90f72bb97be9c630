"""Before Qt starts: a system library its platform plugin needs but cannot find is named, with
the one apt-get line that installs it, instead of Qt's abort that blames libxcb-cursor0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import PySide6

from qlue_console.gui.platform_check import (
    install_line,
    missing_system_packages_message,
    platform_name,
)

QT = Path(PySide6.__file__).resolve().parent / "Qt"


def _plugin_needing(tmp_path: Path, soname: bytes, instead: bytes) -> Path:
    """A copy of Qt with the xcb plugin asking the linker for ``instead`` of ``soname``."""
    qt = tmp_path / "Qt"
    (qt / "plugins" / "platforms").mkdir(parents=True)
    (qt / "lib").symlink_to(QT / "lib")
    plugin = (QT / "plugins" / "platforms" / "libqxcb.so").read_bytes()
    assert soname + b"\0" in plugin
    renamed = instead.ljust(len(soname), b"\0")
    (qt / "plugins" / "platforms" / "libqxcb.so").write_bytes(
        plugin.replace(soname + b"\0", renamed + b"\0")
    )
    return qt


def test_a_missing_library_of_the_xcb_plugin_is_named_with_its_apt_line(tmp_path):
    qt = _plugin_needing(tmp_path, b"libxcb-icccm.so.4", b"libqlue-gone.so")
    message = missing_system_packages_message(
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, qt_dir=qt
    )
    assert message is not None and "\n" not in message
    assert "libqlue-gone.so" in message and "apt-get install" in message
    assert "libxcb-cursor0" not in message
    # in a Wayland session Qt does not need the xcb plugin (it falls back to it by itself)
    assert missing_system_packages_message({"WAYLAND_DISPLAY": "wayland-0"}, qt_dir=qt) is None


def test_the_packages_are_the_debian_names():
    line = install_line(
        [
            "libxcb-icccm.so.4",
            "libxcb-keysyms.so.1",
            "libxkbcommon-x11.so.0",
            "libnss3.so",
            "libxcb-render-util.so.0",
        ]
    )
    assert line.endswith(
        "apt-get install libnss3 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 "
        "libxkbcommon-x11-0"
    )


def test_the_platform_is_the_one_qt_will_load():
    assert platform_name({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert platform_name({"QT_QPA_PLATFORM": "xcb;wayland"}) == "xcb"
    assert platform_name({}) == "xcb"
    assert platform_name({"WAYLAND_DISPLAY": "wayland-0"}) == "wayland"


def test_no_x_display_is_one_line_and_exit_1():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        [sys.executable, "-m", "qlue_console"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().count("\n") == 0 and "DISPLAY" in result.stderr


def test_an_x_display_nobody_answers_is_one_line_and_exit_1():
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":87"}  # no X server there
    result = subprocess.run(
        [sys.executable, "-m", "qlue_console"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 1, result.stderr
    assert (
        result.stderr.strip().count("\n") == 0
        and "cannot connect to the X display :87" in result.stderr
    )
