"""Vietnamese and English through Qt's own translation system.

Source strings are English, wrapped in ``tr()``; ``assets/i18n/loyalty_<lang>.ts``
holds the translations and ``scripts/build_translations.py`` compiles them to
``.qm`` with the venv's ``pyside6-lupdate``/``pyside6-lrelease``. The compiled
``.qm`` files are committed (a till has no Qt tools on it), and a test proves
they match their ``.ts``. If a ``.qm`` is missing — a developer deleted it — the
app compiles it into the till's home at start when ``lrelease`` is at hand.

Switching language installs another translator; Qt then sends every widget a
``LanguageChange`` event and each view re-reads its texts (``retranslate``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

I18N_DIR = Path(__file__).resolve().parents[2] / "assets" / "i18n"
LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language
DEFAULT_LANGUAGE = "vi"
SETTING_KEY = "ui.language"
_QT_LOCALES = {"vi": QLocale.Language.Vietnamese, "en": QLocale.Language.English}


def ts_path(language: str) -> Path:
    return I18N_DIR / f"loyalty_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N_DIR / f"loyalty_{language}.qm"


def qt_tool(name: str) -> Path | None:
    """``pyside6-lrelease`` and friends from the running interpreter's venv, else from PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return here
    found = shutil.which(name)
    return Path(found) if found else None


def compile_ts(ts: Path, qm: Path) -> None:
    """Run ``lrelease`` on one ``.ts`` file. Raises ``RuntimeError`` when it cannot."""
    tool = qt_tool("pyside6-lrelease")
    if tool is None:
        raise RuntimeError("pyside6-lrelease is not installed (it comes with PySide6-Essentials)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [str(tool), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0 or not qm.exists():
        raise RuntimeError(f"lrelease failed on {ts.name}: {done.stderr.strip() or done.stdout.strip()}")


def find_qm(language: str, cache_dir: Path | None = None) -> Path | None:
    """The compiled translations for ``language``: the committed file, or one built now."""
    committed = qm_path(language)
    if committed.exists():
        return committed
    if cache_dir is None or not ts_path(language).exists():
        return None
    built = cache_dir / committed.name
    if not built.exists() or built.stat().st_mtime < ts_path(language).stat().st_mtime:
        try:
            compile_ts(ts_path(language), built)
        except (RuntimeError, OSError) as exc:
            print(f"Translations for {language} not available: {exc}", file=sys.stderr)
            return None
    return built


class Translations(QObject):
    """The language the till speaks right now; ``use()`` switches it for every window."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, cache_dir: Path | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._cache_dir = cache_dir
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use(self, language: str) -> str:
        """Install ``language`` (falling back to the default); returns the language now in use."""
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed = []
        if language != "en":  # English is the source language: no translator needed
            ours = QTranslator(self)
            qm = find_qm(language, self._cache_dir)
            if qm is not None and ours.load(str(qm)):
                self._installed.append(ours)
            qt_own = QTranslator(self)  # Qt's own strings (context menus, standard buttons)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{language}", qt_dir):
                self._installed.append(qt_own)
        for translator in self._installed:
            self._app.installTranslator(translator)
        QLocale.setDefault(QLocale(_QT_LOCALES[language]))
        self.language = language
        self.changed.emit(language)
        return language

    def uninstall(self) -> None:
        """Take this till's translators out of the application (closing the windows)."""
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed = []


def lupdate_sources() -> list[Path]:
    """Every Python file whose strings go to the ``.ts`` files."""
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_files: list[Path]) -> str:
    """Extract the strings of ``app/ui`` into ``ts_files`` (no line numbers: diffs stay small)."""
    tool = qt_tool("pyside6-lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate is not installed (it comes with PySide6-Essentials)")
    cmd = [
        str(tool),
        "-locations",
        "none",
        "-no-obsolete",
        *map(str, lupdate_sources()),
        "-ts",
        *map(str, ts_files),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env={**os.environ})
    if done.returncode != 0:
        raise RuntimeError(f"lupdate failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout
