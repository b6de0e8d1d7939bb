"""TeX in ```math fences becomes MathML at build time: no script, no CDN."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from latex2mathml.converter import convert

MATHML = "http://www.w3.org/1998/Math/MathML"
ET.register_namespace("", MATHML)


def tex_to_mathml(tex: str, display: bool = True) -> str:
    """MathML for ``tex``: the presentation in <semantics>, with the TeX kept as an annotation for
    assistive tools."""
    math = ET.fromstring(convert(tex.strip(), display="block" if display else "inline"))
    semantics = ET.Element(f"{{{MATHML}}}semantics")
    row = ET.SubElement(semantics, f"{{{MATHML}}}mrow")
    row.extend(list(math))
    for child in list(math):
        math.remove(child)
    annotation = ET.SubElement(semantics, f"{{{MATHML}}}annotation", encoding="application/x-tex")
    annotation.text = tex.strip()
    math.append(semantics)
    return ET.tostring(math, encoding="unicode", short_empty_elements=False)


def fence_mathml(source: str, language: str, css_class: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """pymdownx.superfences custom fence formatter for ``math``."""
    # tabindex: the block scrolls sideways on a phone, so keyboards must reach it
    return f'<div class="{css_class}" tabindex="0">{tex_to_mathml(source)}</div>'
