"""Before the QApplication exists: are the system libraries Qt loads at run time installed?

Qt aborts when its platform plugin cannot be loaded, with a message that names only
``libxcb-cursor0`` whatever is really missing. This check asks the dynamic linker (``ldd``)
what the platform plugin and QtWebEngine lack and names the Debian/Ubuntu packages that
provide it, as one ``apt-get install`` line. It imports no Qt module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# soname → the Debian/Ubuntu package that ships it (apt picks the t64 variant where renamed)
PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-dri3.so.0": "libxcb-dri3-0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbfile.so.1": "libxkbfile1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libXcomposite.so.1": "libxcomposite1",
    "libXdamage.so.1": "libxdamage1",
    "libXext.so.6": "libxext6",
    "libXfixes.so.3": "libxfixes3",
    "libXrandr.so.2": "libxrandr2",
    "libXrender.so.1": "libxrender1",
    "libXtst.so.6": "libxtst6",
    "libxshmfence.so.1": "libxshmfence1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libgbm.so.1": "libgbm1",
    "libdrm.so.2": "libdrm2",
    "libwayland-server.so.0": "libwayland-server0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libsmime3.so": "libnss3",
    "libnspr4.so": "libnspr4",
    "libplc4.so": "libnspr4",
    "libplds4.so": "libnspr4",
    "libasound.so.2": "libasound2",
    "libudev.so.1": "libudev1",
    "libexpat.so.1": "libexpat1",
}


def _qt_dir() -> Path:
    import PySide6  # the package only: loads no Qt library

    return Path(PySide6.__file__).resolve().parent / "Qt"


def platform_name(environ: Mapping[str, str] | None = None) -> str:
    """The platform plugin Qt will load on Linux: QT_QPA_PLATFORM's first choice, else xcb
    (or wayland in a Wayland session)."""
    env = os.environ if environ is None else environ
    configured = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if configured:
        return configured
    return "wayland" if env.get("WAYLAND_DISPLAY") else "xcb"


def libraries_to_check(platform: str, qt_dir: Path | None = None) -> list[Path]:
    """QtWebEngine (always loaded) and, for xcb, its platform plugin. Other platforms are left
    to Qt: in a Wayland session it falls back to xcb by itself."""
    qt = qt_dir or _qt_dir()
    paths = [qt / "lib" / "libQt6WebEngineCore.so.6"]
    if platform == "xcb":
        paths.insert(0, qt / "plugins" / "platforms" / "libqxcb.so")
    return [p for p in paths if p.exists()]


def missing_libraries(paths: list[Path]) -> list[str]:
    """The sonames the dynamic linker cannot find for ``paths`` (``ldd``'s "not found")."""
    ldd = shutil.which("ldd")
    if ldd is None or not paths:
        return []
    try:
        result = subprocess.run(
            [ldd, *map(str, paths)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []  # cannot ask the linker: let Qt try
    missing: list[str] = []
    for line in result.stdout.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def install_line(sonames: list[str]) -> str:
    """``apt-get install …`` for the packages providing ``sonames`` (unknown ones named as they
    are)."""
    packages = sorted({PACKAGES.get(name, name) for name in sonames})
    sudo = "" if hasattr(os, "geteuid") and os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get install " + " ".join(packages)


def x_display_reachable(display: str) -> bool:
    """Whether an X server answers on ``display`` (libxcb's own connect, as Qt's plugin does)."""
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # named above as a missing library, or not X at all: Qt says
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def missing_system_packages_message(
    environ: Mapping[str, str] | None = None, qt_dir: Path | None = None
) -> str | None:
    """One line saying what to install, or None when nothing is missing (or not on Linux)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = platform_name(env)
    missing = missing_libraries(libraries_to_check(platform, qt_dir))
    if missing:
        return (
            f"Qt cannot start: the system libraries {', '.join(missing)} are missing. "
            f"Install them with: {install_line(missing)}"
        )
    if platform == "xcb" and not env.get("DISPLAY"):
        return (
            "there is no X display (DISPLAY is not set): start the console in a desktop session, "
            "or use --screenshot PATH to render it offscreen"
        )
    if platform == "xcb" and not x_display_reachable(env["DISPLAY"]):
        return (
            f"cannot connect to the X display {env['DISPLAY']}: is the X server running, and may "
            "this user use it?"
        )
    return None
