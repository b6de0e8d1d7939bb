"""TeX in ```math fences becomes MathML at build time: no script, no CDN."""

from __future__ import annotations

import html
from typing import Any

from latex2mathml.converter import convert


def tex_to_mathml(tex: str, display: bool = True) -> str:
    """MathML for ``tex`` with the TeX kept as an annotation for assistive tools."""
    mathml = convert(tex.strip(), display="block" if display else "inline")
    annotation = f'<annotation encoding="application/x-tex">{html.escape(tex.strip())}</annotation>'
    # Wrap the presentation in <semantics> so the source travels with it.
    head, _, rest = mathml.partition(">")
    inner = rest.rsplit("</math>", 1)[0]
    return f"{head}><semantics><mrow>{inner}</mrow>{annotation}</semantics></math>"


def fence_mathml(source: str, language: str, css_class: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """pymdownx.superfences custom fence formatter for ``math``."""
    # tabindex: the block scrolls sideways on a phone, so keyboards must reach it
    return f'<div class="{css_class}" tabindex="0">{tex_to_mathml(source)}</div>'
