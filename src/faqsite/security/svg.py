"""SVG drawings are documents: opened alone (a figure's link), their scripts would run in the site's
origin. A drawing may hold shapes, text and its own style sheet; nothing that runs or fetches."""

from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from faqsite.errors import Problem

RUNS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
ANIMATES = {"animate", "set", "animatemotion", "animatetransform"}  # can rewrite href to javascript:
URL_ATTRIBUTES = {"href", "xlink:href", "src"}
OTHER_HOST = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.I)
LOCAL = re.compile(r"#[A-Za-z_][\w.-]*")


def problems(path: Path) -> list[Problem]:
    """What in the drawing at ``path`` could run script or reach another host, at its line."""
    found: list[Problem] = []
    parser = xml.parsers.expat.ParserCreate()

    def start(name: str, attrs: dict[str, str]) -> None:
        line = parser.CurrentLineNumber
        tag = name.rsplit(":", 1)[-1].lower()
        if tag in RUNS or tag in ANIMATES:
            found.append(Problem(str(path), line, f"<{name}> can run script in a drawing (expected shapes and text)"))
        for attr, value in attrs.items():
            if attr.lower().startswith("on"):
                found.append(Problem(str(path), line, f"event attribute {attr} on <{name}> (expected none)"))
            elif attr.lower() in URL_ATTRIBUTES and not LOCAL.fullmatch(value.strip()):
                found.append(
                    Problem(str(path), line, f"{attr}={value[:60]!r} on <{name}> (expected a #fragment of the drawing)")
                )
            elif OTHER_HOST.search(value):
                found.append(
                    Problem(str(path), line, f"url() in {attr} on <{name}> (expected a #fragment of the drawing)")
                )

    def data(text: str) -> None:
        if OTHER_HOST.search(text) or "@import" in text:
            found.append(
                Problem(str(path), parser.CurrentLineNumber, "url() or @import in the style sheet (expected none)")
            )

    parser.StartElementHandler = start
    parser.CharacterDataHandler = data
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = lambda name, *rest: found.append(
        Problem(str(path), parser.CurrentLineNumber, f"entity declaration {name} (expected none)")
    )
    try:
        parser.Parse(path.read_bytes(), True)
    except xml.parsers.expat.ExpatError as exc:
        found.append(
            Problem(str(path), exc.lineno, f"not well-formed XML: {xml.parsers.expat.errors.messages[exc.code]}")
        )
    return found
