"""The console's languages: Chinese (zh_CN) by default, English selectable.

The UI's source strings are English; `resources/translations/console_zh_CN.ts` holds their Chinese,
compiled to the `.qm` that is loaded here beside Qt's own translations (standard dialogs and
buttons). The locale follows the language, so that numbers, dates and money read naturally.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def install_language(app: QCoreApplication, language: str) -> None:
    """Makes `language` the UI's language: widgets created from now on speak it."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: choose one of {', '.join(LANGUAGES)}")
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale(language))
    app.setProperty("console_language", language)
    if language == "en":
        return
    files = [
        (resource_path("translations", f"console_{language}.qm").parent, f"console_{language}"),
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}"),
    ]
    for directory, name in files:
        translator = QTranslator(app)
        if translator.load(name, str(directory)):
            app.installTranslator(translator)
        else:
            log.warning("no %s translation %s in %s: some text stays in English", language, name, directory)


def current_language(app: QCoreApplication) -> str:
    return app.property("console_language") or DEFAULT_LANGUAGE
