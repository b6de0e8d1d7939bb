"""Draw the FAQ figures as standalone SVG files.

Run from the repository root::

    python figures/draw.py

The script uses only the Python standard library and writes eight SVG files
into ``docs/images/faq/``.  Output is deterministic: running it twice gives
identical bytes.  See ``figures/README.md`` for the visual language.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

OUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "images" / "faq"

# --------------------------------------------------------------------------
# Visual language (shared by every figure)
# --------------------------------------------------------------------------

FONT_STACK = (
    'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", '
    '"PingFang SC", "Microsoft YaHei", sans-serif'
)

FONT_LABEL = 14  # box labels, default text
FONT_SMALL = 12  # notes, captions inside the figure
FONT_TITLE = 16  # column titles, equations

INK = "#1f2328"  # text and outlines
MUTED = "#57606a"  # secondary text (6.4:1 on white)
CARD_FILL = "#ffffff"  # background card, so the figure works on any page
CARD_BORDER = "#d0d7de"
GRID_LINE = "#8c959f"  # thin lines between grid cells
PAPER = "#ffffff"

STROKE_BOX = 1.5
STROKE_ARROW = 1.25
STROKE_GRID = 1.0
STROKE_HIGHLIGHT = 2.5
RADIUS = 6  # corner radius of boxes
CARD_RADIUS = 12
ARROW_LEN = 9.0  # arrowhead length
ARROW_WIDTH = 7.0  # arrowhead width at its base
SUM_RADIUS = 12  # radius of the "+" (sum) node
PAD = 24  # padding inside the card


@dataclass(frozen=True)
class Tint:
    """A hue: light fill, strong outline, and a text colour readable on both
    the fill and white (contrast >= 4.5:1)."""

    fill: str
    stroke: str
    text: str


BLUE = Tint("#dbeafe", "#2563eb", "#1d4ed8")
ORANGE = Tint("#ffedd5", "#c2410c", "#9a3412")
GREEN = Tint("#dcfce7", "#15803d", "#166534")
PURPLE = Tint("#ede9fe", "#6d28d9", "#5b21b6")
NEUTRAL = Tint("#f6f8fa", "#57606a", INK)
PLAIN = Tint(PAPER, INK, INK)

Point = tuple[float, float]


def num(value: float) -> str:
    """Format a coordinate compactly and deterministically."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --------------------------------------------------------------------------
# SVG document
# --------------------------------------------------------------------------


class Svg:
    """A tiny SVG builder: a list of element strings inside a card."""

    def __init__(self, width: int, height: int, title: str, desc: str) -> None:
        self.width = width
        self.height = height
        self.title = title
        self.desc = desc
        self.parts: list[str] = []

    def add(self, element: str) -> None:
        self.parts.append(element)

    def render(self) -> str:
        style = (
            f"text{{font-family:{FONT_STACK};font-size:{FONT_LABEL}px}}"
            f"text:not([fill]){{fill:{INK}}}"
            f".s{{font-size:{FONT_SMALL}px}}"
            f".t{{font-size:{FONT_TITLE}px}}"
            ".b{font-weight:600}"
            ".c{text-anchor:middle}"
            ".e{text-anchor:end}"
            f".l{{fill:none;stroke:{INK};stroke-width:{STROKE_ARROW}px;stroke-linejoin:round}}"
            f".h{{fill:{INK}}}"
        )
        card = (
            f'<rect x="0.75" y="0.75" width="{num(self.width - 1.5)}" '
            f'height="{num(self.height - 1.5)}" rx="{CARD_RADIUS}" '
            f'fill="{CARD_FILL}" stroke="{CARD_BORDER}" stroke-width="1.5"/>'
        )
        head = (
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'viewBox="0 0 {self.width} {self.height}" '
            'role="img" preserveAspectRatio="xMidYMid meet">'
        )
        body = [
            head,
            f"<title>{escape(self.title)}</title>",
            f"<desc>{escape(self.desc)}</desc>",
            f"<style>{style}</style>",
            card,
            *self.parts,
            "</svg>",
        ]
        return "\n".join(body) + "\n"


# --------------------------------------------------------------------------
# Primitive helpers
# --------------------------------------------------------------------------


def text(
    svg: Svg,
    x: float,
    cy: float,
    content: str,
    *,
    size: int = FONT_LABEL,
    color: str = INK,
    anchor: str = "middle",
    bold: bool = False,
) -> None:
    """Text whose x-height centre sits at ``cy`` (baseline = cy + 0.35 em)."""
    classes = []
    if size == FONT_SMALL:
        classes.append("s")
    elif size == FONT_TITLE:
        classes.append("t")
    elif size != FONT_LABEL:
        raise ValueError(f"unsupported font size {size}")
    if bold:
        classes.append("b")
    if anchor == "middle":
        classes.append("c")
    elif anchor == "end":
        classes.append("e")
    cls = f' class="{" ".join(classes)}"' if classes else ""
    baseline = cy + 0.35 * size
    paint = "" if color == INK else f' fill="{color}"'  # ink is the CSS default
    svg.add(f'<text x="{num(x)}" y="{num(baseline)}"{cls}{paint}>{escape(content)}</text>')


def rich_text(
    svg: Svg,
    x: float,
    cy: float,
    runs: Sequence[tuple[str, str]],
    *,
    size: int = FONT_LABEL,
) -> None:
    """Centred text made of coloured runs: [(text, colour), ...]."""
    cls = {FONT_SMALL: "s c", FONT_LABEL: "c", FONT_TITLE: "t c"}[size]
    spans = "".join(f'<tspan fill="{c}">{escape(t)}</tspan>' for t, c in runs)
    svg.add(f'<text x="{num(x)}" y="{num(cy + 0.35 * size)}" class="{cls}">{spans}</text>')


def rect(
    svg: Svg,
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    fill: str = PAPER,
    stroke: str = INK,
    width: float = STROKE_BOX,
    radius: float = RADIUS,
    dashed: bool = False,
) -> None:
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    rx = f' rx="{num(radius)}"' if radius else ""
    sw = "" if width == 1 else f' stroke-width="{num(width)}"'  # 1 is the default
    svg.add(
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}"{rx} '
        f'fill="{fill}" stroke="{stroke}"{sw}{dash}/>'
    )


def line(
    svg: Svg,
    points: Sequence[Point],
    *,
    color: str = INK,
    width: float = STROKE_ARROW,
    dashed: bool = False,
) -> None:
    """An open polyline (no arrowhead)."""
    d = "M" + " L".join(f"{num(x)},{num(y)}" for x, y in points)
    if color == INK and width == STROKE_ARROW and not dashed:
        svg.add(f'<path d="{d}" class="l"/>')  # the common case, styled once
        return
    dash = ' stroke-dasharray="4 4"' if dashed else ""
    svg.add(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{num(width)}" stroke-linejoin="round"{dash}/>')


def arrow(
    svg: Svg,
    points: Sequence[Point],
    *,
    color: str = INK,
    dashed: bool = False,
) -> None:
    """A polyline ending in a filled arrowhead whose tip is the last point."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * ARROW_LEN, y1 - uy * ARROW_LEN
    shaft = [*points[:-1], (bx + ux * 0.5, by + uy * 0.5)]
    line(svg, shaft, color=color, dashed=dashed)
    half = ARROW_WIDTH / 2
    head = [(x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]
    pts = " ".join(f"{num(px)},{num(py)}" for px, py in head)
    paint = 'class="h"' if color == INK else f'fill="{color}"'
    svg.add(f'<polygon points="{pts}" {paint}/>')


def dot(svg: Svg, x: float, y: float, r: float = 3.0, color: str = INK) -> None:
    svg.add(f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{color}"/>')


def box(
    svg: Svg,
    x: float,
    y: float,
    w: float,
    h: float,
    labels: str | Sequence[str],
    tint: Tint = PLAIN,
    *,
    size: int = FONT_LABEL,
    bold: bool = False,
    dashed: bool = False,
) -> None:
    """A rounded box with one or more centred lines of text."""
    rect(svg, x, y, w, h, fill=tint.fill, stroke=tint.stroke, dashed=dashed)
    lines = [labels] if isinstance(labels, str) else list(labels)
    step = size * 1.3
    top = y + h / 2 - step * (len(lines) - 1) / 2
    for i, label in enumerate(lines):
        text(svg, x + w / 2, top + i * step, label, size=size, bold=bold)


def sum_node(svg: Svg, cx: float, cy: float, r: float = SUM_RADIUS) -> None:
    """A circle with a plus sign: element-wise addition."""
    svg.add(
        f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="{PAPER}" '
        f'stroke="{INK}" stroke-width="{STROKE_BOX}"/>'
    )
    arm = r * 0.55
    line(svg, [(cx - arm, cy), (cx + arm, cy)], width=STROKE_BOX)
    line(svg, [(cx, cy - arm), (cx, cy + arm)], width=STROKE_BOX)


CellFn = Callable[[int, int], str]


def grid(
    svg: Svg,
    x: float,
    y: float,
    rows: int,
    cols: int,
    cw: float,
    ch: float | None = None,
    *,
    fill: CellFn | str = PAPER,
    stroke: str = GRID_LINE,
    outline: str | None = None,
    label: Callable[[int, int], str | None] | None = None,
    label_color: CellFn | str = INK,
    size: int = FONT_LABEL,
) -> None:
    """A rows x cols grid of cells, optional per-cell fill and label, and an
    optional stronger outline around the whole grid."""
    ch = cw if ch is None else ch
    for r in range(rows):
        for c in range(cols):
            cell_fill = fill(r, c) if callable(fill) else fill
            rect(
                svg,
                x + c * cw,
                y + r * ch,
                cw,
                ch,
                fill=cell_fill,
                stroke=stroke,
                width=STROKE_GRID,
                radius=0,
            )
            if label is not None:
                content = label(r, c)
                if content:
                    color = label_color(r, c) if callable(label_color) else label_color
                    text(
                        svg,
                        x + (c + 0.5) * cw,
                        y + (r + 0.5) * ch,
                        content,
                        size=size,
                        color=color,
                    )
    if outline is not None:
        rect(svg, x, y, cols * cw, rows * ch, fill="none", stroke=outline, radius=0)


def plus_outline(svg: Svg, x: float, y: float, cell: float, color: str, cell_h: float | None = None) -> None:
    """Outline the centre row and centre column (the skeleton) of a 3x3 grid."""
    w, h = cell, cell if cell_h is None else cell_h
    pts = [
        (x + w, y),
        (x + 2 * w, y),
        (x + 2 * w, y + h),
        (x + 3 * w, y + h),
        (x + 3 * w, y + 2 * h),
        (x + 2 * w, y + 2 * h),
        (x + 2 * w, y + 3 * h),
        (x + w, y + 3 * h),
        (x + w, y + 2 * h),
        (x, y + 2 * h),
        (x, y + h),
        (x + w, y + h),
    ]
    d = "M" + " L".join(f"{num(px)},{num(py)}" for px, py in pts) + " Z"
    svg.add(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="{STROKE_HIGHLIGHT}" stroke-linejoin="round"/>')


def swatch_legend(svg: Svg, cx: float, cy: float, items: Sequence[tuple[Tint, str]], gap: float = 22) -> None:
    """A one-line legend of small coloured squares with labels, centred at cx."""
    widths = [14 + 6 + text_width(label, FONT_SMALL) for _, label in items]
    total = sum(widths) + gap * (len(items) - 1)
    x = cx - total / 2
    for (tint, label), w in zip(items, widths, strict=True):
        rect(svg, x, cy - 7, 14, 14, fill=tint.fill, stroke=tint.stroke, radius=3)
        text(svg, x + 20, cy, label, size=FONT_SMALL, color=INK, anchor="start")
        x += w + gap


def text_width(content: str, size: int) -> float:
    """A generous width estimate (wide fonts such as DejaVu Sans)."""
    width = 0.0
    for ch in content:
        if ord(ch) > 0x2E80:
            width += 1.0
        elif ch in "iljtf.,:;'|!()[] ":
            width += 0.36
        elif ch.isupper() or ch in "mwMW×…≠⊕":
            width += 0.78
        else:
            width += 0.62
    return width * size


# --------------------------------------------------------------------------
# Figure 1: ACNet at training time
# --------------------------------------------------------------------------


def feature_map(svg: Svg, x: float, y: float, w: float, h: float, label: str) -> None:
    """A feature map drawn as a small stack of slices with a label."""
    for k in (2, 1):
        rect(svg, x + 5 * k, y - 5 * k, w, h, fill=NEUTRAL.fill, stroke=NEUTRAL.stroke)
    box(svg, x, y, w, h, label, NEUTRAL)


def kernel_grid(svg: Svg, cx: float, cy: float, rows: int, cols: int, cell: float, tint: Tint) -> None:
    grid(
        svg,
        cx - cols * cell / 2,
        cy - rows * cell / 2,
        rows,
        cols,
        cell,
        fill=tint.fill,
        stroke=tint.stroke,
        outline=tint.stroke,
    )


def fig_acnet_training() -> Svg:
    svg = Svg(
        560,
        432,
        "ACNet at training time: asymmetric convolution block",
        "One input feeds a d×d, a 1×d and a d×1 convolution in parallel; "
        "each is followed by batch normalization and the three outputs are added.",
    )
    mid = 280
    cols = [
        (130, "d×d conv", "square", 3, 3, BLUE),
        (280, "1×d conv", "horizontal", 1, 3, ORANGE),
        (430, "d×1 conv", "vertical", 3, 1, GREEN),
    ]
    feature_map(svg, 190, 34, 180, 36, "input feature map")
    fork_y = 92
    line(svg, [(mid, 70), (mid, fork_y)])
    line(svg, [(cols[0][0], fork_y), (cols[-1][0], fork_y)])
    dot(svg, mid, fork_y)
    panel_top, panel_h = 114, 116
    bn_top, bn_h = 254, 34
    sum_y = 334
    for cx, name, kind, rows, ncols, tint in cols:
        arrow(svg, [(cx, fork_y), (cx, panel_top)])
        rect(svg, cx - 66, panel_top, 132, panel_h, stroke=tint.stroke)
        kernel_grid(svg, cx, panel_top + 40, rows, ncols, 18, tint)
        text(svg, cx, panel_top + 84, name, bold=True)
        text(svg, cx, panel_top + 102, f"{kind} kernel", size=FONT_SMALL, color=MUTED)
        arrow(svg, [(cx, panel_top + panel_h), (cx, bn_top)])
        box(svg, cx - 40, bn_top, 80, bn_h, "BN", PURPLE)
        start = (cx, bn_top + bn_h)
        if cx < mid:
            arrow(svg, [start, (cx, sum_y), (mid - SUM_RADIUS, sum_y)])
        elif cx > mid:
            arrow(svg, [start, (cx, sum_y), (mid + SUM_RADIUS, sum_y)])
        else:
            arrow(svg, [start, (cx, sum_y - SUM_RADIUS)])
    sum_node(svg, mid, sum_y)
    text(svg, mid + 20, sum_y - 20, "sum", size=FONT_SMALL, color=MUTED, anchor="start")
    arrow(svg, [(mid, sum_y + SUM_RADIUS), (mid, 372)])
    box(svg, 190, 372, 180, 36, "output feature map", NEUTRAL)
    text(svg, 560 - PAD, 390, "(drawn with d = 3)", size=FONT_SMALL, color=MUTED, anchor="end")
    return svg


# --------------------------------------------------------------------------
# Figure 2: ACNet at deployment
# --------------------------------------------------------------------------

SKELETON = {(0, 1), (1, 0), (1, 1), (1, 2), (2, 1)}


def contributions(r: int, c: int) -> list[Tint]:
    """Which training-time kernels add a weight to cell (r, c) of a 3x3 kernel."""
    found = [BLUE]
    if r == 1:
        found.append(ORANGE)
    if c == 1:
        found.append(GREEN)
    return found


def weight_dot(svg: Svg, cx: float, cy: float, tint: Tint) -> None:
    """A solid dot standing for one weight contributed by a kernel."""
    svg.add(f'<circle cx="{num(cx)}" cy="{num(cy)}" r="5.5" fill="{tint.stroke}"/>')


def fig_acnet_deployed() -> Svg:
    svg = Svg(
        560,
        316,
        "ACNet at deployment: the fused kernel",
        "The square, horizontal and vertical kernels are added into one d×d kernel; "
        "the skeleton (centre row and column) is strengthened, the corners are not.",
    )
    # Left: the three training-time kernels, small.
    mx, cell_s = 72, 14
    kernel_grid(svg, mx, 98, 3, 3, cell_s, BLUE)
    text(svg, mx + 32, 98, "d×d", size=FONT_SMALL, anchor="start")
    text(svg, mx, 136, "+", size=FONT_TITLE, bold=True)
    kernel_grid(svg, mx, 162, 1, 3, cell_s, ORANGE)
    text(svg, mx + 32, 162, "1×d", size=FONT_SMALL, anchor="start")
    text(svg, mx, 188, "+", size=FONT_TITLE, bold=True)
    kernel_grid(svg, mx, 226, 3, 1, cell_s, GREEN)
    text(svg, mx + 32, 226, "d×1", size=FONT_SMALL, anchor="start")
    text(svg, mx, 60, "training", size=FONT_SMALL, color=MUTED)

    # Middle: the fused kernel.
    gx, gy, cell = 196, 72, 60
    arrow(svg, [(134, gy + 1.5 * cell), (gx - 10, gy + 1.5 * cell)])
    text(svg, (134 + gx - 10) / 2, gy + 1.5 * cell - 14, "fuse", size=FONT_SMALL, color=MUTED)
    text(svg, gx + 1.5 * cell, 46, "deployed d×d kernel", bold=True)
    grid(
        svg,
        gx,
        gy,
        3,
        3,
        cell,
        fill=lambda r, c: PURPLE.fill if (r, c) in SKELETON else PAPER,
    )
    plus_outline(svg, gx, gy, cell, PURPLE.stroke)
    for r in range(3):
        for c in range(3):
            tints = contributions(r, c)
            cx = gx + (c + 0.5) * cell
            cy = gy + (r + 0.5) * cell
            for i, tint in enumerate(tints):
                offset = (i - (len(tints) - 1) / 2) * 14
                weight_dot(svg, cx + offset, cy, tint)

    # Right: labels with leader lines.
    lx = gx + 3 * cell + 30
    corner_y = gy + 0.5 * cell
    line(svg, [(gx + 2.5 * cell + 14, corner_y), (lx - 6, corner_y)], color=MUTED)
    dot(svg, gx + 2.5 * cell + 14, corner_y, 2.5, MUTED)
    text(svg, lx, corner_y, "corners", bold=True, anchor="start")
    text(svg, lx, corner_y + 19, "square kernel only", size=FONT_SMALL, color=MUTED, anchor="start")
    skel_y = gy + 1.5 * cell
    line(svg, [(gx + 3 * cell + 2, skel_y), (lx - 6, skel_y)], color=PURPLE.stroke)
    text(svg, lx, skel_y, "skeleton", bold=True, color=PURPLE.text, anchor="start")
    text(svg, lx, skel_y + 19, "centre row + column,", size=FONT_SMALL, color=MUTED, anchor="start")
    text(svg, lx, skel_y + 35, "strengthened", size=FONT_SMALL, color=MUTED, anchor="start")

    # Bottom: what the dots mean.
    legend_y = gy + 3 * cell + 36
    items = [(BLUE, "weight from d×d"), (ORANGE, "from 1×d"), (GREEN, "from d×1")]
    widths = [16 + text_width(t, FONT_SMALL) for _, t in items]
    x = gx + 1.5 * cell - (sum(widths) + 20 * (len(items) - 1)) / 2
    for (tint, label), w in zip(items, widths, strict=True):
        weight_dot(svg, x + 5, legend_y, tint)
        text(svg, x + 16, legend_y, label, size=FONT_SMALL, anchor="start")
        x += w + 20
    return svg


# --------------------------------------------------------------------------
# Figure 3: horizontal kernels and up-down flipping
# --------------------------------------------------------------------------

ARROW_SHAPE = [
    "001100",
    "011110",
    "111111",
    "001100",
    "001100",
    "001100",
]
OBJECT_FILL = "#cbd5e1"


def image_cells(flipped: bool) -> list[str]:
    return ARROW_SHAPE[::-1] if flipped else list(ARROW_SHAPE)


def draw_pixels(svg: Svg, x: float, y: float, rows: list[str], cell: float, outline: str = GRID_LINE) -> None:
    grid(
        svg,
        x,
        y,
        len(rows),
        len(rows[0]),
        cell,
        fill=lambda r, c: OBJECT_FILL if rows[r][c] == "1" else PAPER,
        stroke=CARD_BORDER,
        outline=outline,
    )


def window(svg: Svg, x: float, y: float, w: float, h: float, tint: Tint) -> None:
    """A kernel window drawn on top of an image, slightly inset."""
    inset = 2.5
    rect(
        svg,
        x + inset,
        y + inset,
        w - 2 * inset,
        h - 2 * inset,
        fill="none",
        stroke=tint.stroke,
        width=STROKE_HIGHLIGHT,
        radius=3,
    )


def fig_acnet_horizontal() -> Svg:
    svg = Svg(
        560,
        476,
        "Horizontal kernels and up-down flipping",
        "On an image and its up-down flip, a 1×3 kernel sees the same pixels at "
        "matching positions, a 3×3 kernel sees them mirrored.",
    )
    cell = 28
    images = [(48, "original", False), (344, "flipped up-down", True)]
    top = 70
    patches: dict[bool, tuple[list[str], list[str]]] = {}
    for x, title, flipped in images:
        rows = image_cells(flipped)
        text(svg, x + 3 * cell, 46, title, bold=True)
        draw_pixels(svg, x, top, rows, cell)
        h_row = 4 if flipped else 1  # the 1×3 window: same row of the object
        s_top = 2 if flipped else 1  # the 3×3 window: rows 1-3 / rows 2-4
        window(svg, x, top + s_top * cell, 3 * cell, 3 * cell, BLUE)
        window(svg, x + 3 * cell, top + h_row * cell, 3 * cell, cell, ORANGE)
        patches[flipped] = ([rows[h_row][3:6]], [rows[s_top + k][0:3] for k in range(3)])
    fy = top + 3 * cell
    arrow(svg, [(248, fy), (312, fy)])
    text(svg, 280, fy - 16, "flip", size=FONT_SMALL, color=MUTED)

    text(svg, 280, 264, "what each kernel sees at matching positions", size=FONT_SMALL, color=MUTED)
    small = 24
    rows_spec = [
        (ORANGE, "1×3 kernel", 0, 314, "=", "same", GREEN.text),
        (BLUE, "3×3 kernel", 1, 404, "≠", "different", INK),
    ]
    for tint, name, which, cy, sign, verdict, verdict_color in rows_spec:
        for x, _, flipped in images:
            rows = patches[flipped][which]
            cx = x + 3 * cell
            draw_pixels(
                svg,
                cx - 1.5 * small,
                cy - len(rows) * small / 2,
                rows,
                small,
                outline=tint.stroke,
            )
        text(svg, 280, cy - 26, name, bold=True, color=tint.text)
        text(svg, 280, cy, sign, size=FONT_TITLE, bold=True)
        text(svg, 280, cy + 24, f"{verdict} response", bold=True, color=verdict_color)
    return svg


# --------------------------------------------------------------------------
# Figure 4: ResNet vs RepVGG (training / inference)
# --------------------------------------------------------------------------


def branch_block(
    svg: Svg,
    cx: float,
    branches: Sequence[tuple[float, Sequence[tuple[str, Tint, bool]]]],
    rows_y: Sequence[float],
    box_w: float,
    box_h: float,
    split_y: float,
    sum_y: float,
) -> None:
    """Branches that fork at split_y, run through boxes, and meet in a sum node."""
    line(svg, [(branches[0][0], split_y), (branches[-1][0], split_y)])
    dot(svg, cx, split_y)
    for bx, stages in branches:
        prev_y = split_y
        for (label, tint, dashed), y in zip(stages, rows_y, strict=False):
            arrow(svg, [(bx, prev_y), (bx, y)])
            box(svg, bx - box_w / 2, y, box_w, box_h, label, tint, dashed=dashed)
            prev_y = y + box_h
        if bx < cx:
            arrow(svg, [(bx, prev_y), (bx, sum_y), (cx - SUM_RADIUS, sum_y)])
        elif bx > cx:
            arrow(svg, [(bx, prev_y), (bx, sum_y), (cx + SUM_RADIUS, sum_y)])
        else:
            arrow(svg, [(bx, prev_y), (bx, sum_y - SUM_RADIUS)])
    sum_node(svg, cx, sum_y)


def fig_repvgg() -> Svg:
    width, height = 680, 470
    svg = Svg(
        width,
        height,
        "ResNet block, RepVGG block at training time and at inference",
        "(A) ResNet: 3×3 conv path plus identity, added, ReLU. (B) RepVGG training: "
        "3×3 conv+BN, 1×1 conv+BN and identity+BN, summed, ReLU. (C) RepVGG inference: "
        "one 3×3 conv and ReLU.",
    )
    centres = [102, 340, 590]
    titles = [("(A) ResNet", "residual block"), ("(B) RepVGG", "training time"), ("(C) RepVGG", "inference time")]
    for x in (200, 500):
        line(svg, [(x, 24), (x, height - 24)], color=CARD_BORDER, width=1)
    for cx, (t1, t2) in zip(centres, titles, strict=True):
        text(svg, cx, 38, t1, size=FONT_TITLE, bold=True)
        text(svg, cx, 60, t2, size=FONT_SMALL, color=MUTED)

    in_y, io_h = 84, 30
    split_y = 140
    rows_y = [160, 224]
    box_w, box_h, pitch = 78, 36, 86
    sum_y = 310
    relu_y = 346
    out_y = 412
    conv3 = ("3×3 conv", BLUE, False)
    conv1 = ("1×1 conv", ORANGE, False)
    ident = ("identity", NEUTRAL, True)
    bn = ("BN", PURPLE, False)

    for cx in centres:
        box(svg, cx - 45, in_y, 90, io_h, "input", NEUTRAL)
        box(svg, cx - 45, out_y, 90, io_h, "output", NEUTRAL)
        box(svg, cx - 45, relu_y, 90, box_h, "ReLU", GREEN)
        arrow(svg, [(cx, relu_y + box_h), (cx, out_y)])

    # (A) ResNet.
    a = centres[0]
    line(svg, [(a, in_y + io_h), (a, split_y)])
    branch_block(
        svg,
        a,
        [(a - pitch / 2, [conv3, bn]), (a + pitch / 2, [ident])],
        rows_y,
        box_w,
        box_h,
        split_y,
        sum_y,
    )
    arrow(svg, [(a, sum_y + SUM_RADIUS), (a, relu_y)])

    # (B) RepVGG at training time.
    b = centres[1]
    line(svg, [(b, in_y + io_h), (b, split_y)])
    branch_block(
        svg,
        b,
        [(b - pitch, [conv3, bn]), (b, [conv1, bn]), (b + pitch, [ident, bn])],
        rows_y,
        box_w,
        box_h,
        split_y,
        sum_y,
    )
    arrow(svg, [(b, sum_y + SUM_RADIUS), (b, relu_y)])

    # (C) RepVGG at inference.
    c = centres[2]
    arrow(svg, [(c, in_y + io_h), (c, rows_y[0])])
    box(svg, c - 45, rows_y[0], 90, box_h, "3×3 conv", BLUE)
    arrow(svg, [(c, rows_y[0] + box_h), (c, relu_y)])
    for i, note in enumerate(["branches", "and BN", "fused into", "this conv"]):
        text(svg, c - 10, 246 + 16 * i, note, size=FONT_SMALL, color=MUTED, anchor="end")
    return svg


# --------------------------------------------------------------------------
# Figure 5: ACNet re-parameterization
# --------------------------------------------------------------------------


def weight_cell_fill(label: CellFn, colour: str, zero_colour: str = PAPER) -> CellFn:
    """Colour for a kernel cell: `zero_colour` where the weight is "0"."""
    return lambda r, c: zero_colour if label(r, c) == "0" else colour


def fig_acnet_reparam() -> Svg:
    svg = Svg(
        560,
        484,
        "ACNet re-parameterization: three kernels add up to one",
        "conv1 (3×3, weights a1…a9), conv2 (1×3, b1…b3) and conv3 (3×1, c1…c3), "
        "padded with zeros to 3×3, add up to one fused 3×3 kernel.",
    )
    cell, top = 40, 70
    xs = [64, 220, 376]
    specs: list[tuple[str, Tint, CellFn]] = [
        ("conv1 (3×3)", BLUE, lambda r, c: f"a{3 * r + c + 1}"),
        ("conv2 (1×3)", ORANGE, lambda r, c: f"b{c + 1}" if r == 1 else "0"),
        ("conv3 (3×1)", GREEN, lambda r, c: f"c{r + 1}" if c == 1 else "0"),
    ]
    for x, (title, tint, label) in zip(xs, specs, strict=True):
        text(svg, x + 1.5 * cell, top - 20, title, bold=True, color=tint.text)
        grid(
            svg,
            x,
            top,
            3,
            3,
            cell,
            fill=weight_cell_fill(label, tint.fill),
            label=label,
            label_color=weight_cell_fill(label, INK, MUTED),
            outline=tint.stroke,
        )
    for x in (xs[0] + 3 * cell + 18, xs[1] + 3 * cell + 18):
        text(svg, x, top + 1.5 * cell, "+", size=FONT_TITLE, bold=True)

    # The fused kernel.
    fw, fh = 86, 46
    fx, fy = 280 - 1.5 * fw, 244
    text(svg, 280, fy - 20, "fused kernel (3×3)", bold=True, color=PURPLE.text)
    text(svg, fx - 26, fy + 1.5 * fh, "=", size=FONT_TITLE, bold=True)
    grid(
        svg,
        fx,
        fy,
        3,
        3,
        fw,
        fh,
        fill=lambda r, c: PURPLE.fill if (r, c) in SKELETON else PAPER,
    )
    plus_outline(svg, fx, fy, fw, PURPLE.stroke, fh)
    for r in range(3):
        for c in range(3):
            runs: list[tuple[str, str]] = [(f"a{3 * r + c + 1}", BLUE.text)]
            if r == 1:
                runs += [("+", INK), (f"b{c + 1}", ORANGE.text)]
            if c == 1:
                runs += [("+", INK), (f"c{r + 1}", GREEN.text)]
            rich_text(svg, fx + (c + 0.5) * fw, fy + (r + 0.5) * fh, runs)

    text(svg, 280, 420, "Conv1(A) + Conv2(A) + Conv3(A) = Convk(A)", size=FONT_TITLE, bold=True)
    text(
        svg,
        280,
        446,
        "A: the shared input; same stride and padding, so the kernels add up",
        size=FONT_SMALL,
        color=MUTED,
    )
    return svg


# --------------------------------------------------------------------------
# Figure 6: peak memory, residual vs plain
# --------------------------------------------------------------------------


def memory_units(svg: Svg, x: float, cy: float, units: Sequence[tuple[str, Tint, bool]]) -> float:
    """Unit squares in a row; (name, tint, freed). Returns the right edge."""
    size, gap = 26, 6
    for i, (name, tint, freed) in enumerate(units):
        ux = x + i * (size + gap)
        if freed:
            rect(
                svg, ux, cy - size / 2, size, size, fill="none", stroke=MUTED, width=STROKE_GRID, radius=3, dashed=True
            )
            text(svg, ux + size / 2, cy, name, color=MUTED)
        else:
            rect(svg, ux, cy - size / 2, size, size, fill=tint.fill, stroke=tint.stroke, radius=3)
            text(svg, ux + size / 2, cy, name)
    return x + len(units) * (size + gap) - gap


def fig_memory() -> Svg:
    width, height = 600, 440
    svg = Svg(
        width,
        height,
        "Peak memory: residual block vs plain architecture",
        "A residual block keeps its input for the shortcut while the branch computes, "
        "so two units are in memory at the peak; a plain architecture frees its input, peak one unit.",
    )
    line(svg, [(300, 24), (300, 384)], color=CARD_BORDER, width=1)
    in_y, conv_y, sum_y, out_y = 84, 152, 256, 300
    bh, bw = 34, 88
    edge1 = (in_y + bh + conv_y) / 2
    edge2 = (conv_y + bh + sum_y - SUM_RADIUS) / 2
    edge3 = (sum_y + SUM_RADIUS + out_y) / 2
    x_in, h_br, y_out = ("x", BLUE, False), ("h", ORANGE, False), ("y", GREEN, False)
    panels = [(20, "Residual block"), (308, "Plain architecture")]
    for x0, title in panels:
        px, mx = x0 + 66, x0 + 136
        text(svg, x0 + 136, 38, title, size=FONT_TITLE, bold=True)
        text(svg, mx + 50, 64, "in memory", size=FONT_SMALL, color=MUTED)
        box(svg, px - bw / 2, in_y, bw, bh, "input x", NEUTRAL)
        box(svg, px - bw / 2, conv_y, bw, bh, "conv", BLUE)
        box(svg, px - bw / 2, out_y, bw, bh, "output y", NEUTRAL)
        arrow(svg, [(px, in_y + bh), (px, conv_y)])

    # Residual: x -> conv -> h; x is kept for the shortcut; x + h -> y.
    x0 = panels[0][0]
    px, mx = x0 + 66, x0 + 136
    arrow(svg, [(px, conv_y + bh), (px, sum_y - SUM_RADIUS)])
    sum_node(svg, px, sum_y)
    arrow(svg, [(px, sum_y + SUM_RADIUS), (px, out_y)])
    arrow(svg, [(px - bw / 2, in_y + bh / 2), (x0 + 8, in_y + bh / 2), (x0 + 8, sum_y), (px - SUM_RADIUS, sum_y)])
    memory_rows(
        svg,
        px,
        mx,
        [
            (edge1, [x_in], "1 unit", None),
            (edge2, [x_in, h_br], "2 units", "x kept for shortcut"),
            (edge3, [y_out], "1 unit", None),
        ],
    )
    peak_badge(svg, x0 + 136, 370, "peak: 2 units", ORANGE)

    # Plain: x -> conv -> y; x is released once y is computed.
    x0 = panels[1][0]
    px, mx = x0 + 66, x0 + 136
    arrow(svg, [(px, conv_y + bh), (px, out_y)])
    memory_rows(
        svg,
        px,
        mx,
        [
            (edge1, [x_in], "1 unit", None),
            (edge2, [("x", BLUE, True), y_out], "1 unit", "x released"),
        ],
    )
    peak_badge(svg, x0 + 136, 370, "peak: 1 unit", GREEN)
    text(svg, width / 2, 410, "x: block input · h: conv output · y: block output", size=FONT_SMALL, color=MUTED)
    return svg


def memory_rows(
    svg: Svg,
    px: float,
    mx: float,
    edges: Sequence[tuple[float, Sequence[tuple[str, Tint, bool]], str, str | None]],
) -> None:
    """Memory in use at points of the flow, with a dotted leader to the flow."""
    for cy, units, amount, note in edges:
        line(svg, [(px + 6, cy), (mx - 8, cy)], color=GRID_LINE, width=1, dashed=True)
        right = memory_units(svg, mx, cy, units)
        text(svg, right + 8, cy, amount, size=FONT_SMALL, anchor="start")
        if note:
            text(svg, mx, cy + 26, note, size=FONT_SMALL, color=MUTED, anchor="start")


def peak_badge(svg: Svg, cx: float, cy: float, label: str, tint: Tint) -> None:
    w = text_width(label, FONT_TITLE) + 28
    rect(svg, cx - w / 2, cy - 18, w, 36, fill=tint.fill, stroke=tint.stroke)
    text(svg, cx, cy, label, size=FONT_TITLE, bold=True, color=tint.text)


# --------------------------------------------------------------------------
# Figure 7: Transformer encoder input
# --------------------------------------------------------------------------

EMBED_SHADES = ["#dbeafe", "#bfdbfe", "#93c5fd"]
POS_SHADES = ["#ffedd5", "#fed7aa", "#fdba74"]


def vector_bar(svg: Svg, cx: float, top: float, seed: int, shades: Sequence[str], stroke: str) -> None:
    """A vertical vector of 4 cells with a fixed pseudo-random shading."""
    cell = 16
    grid(
        svg,
        cx - cell / 2,
        top,
        4,
        1,
        cell,
        fill=lambda r, c: shades[(seed * 7 + r * 5 + seed * r) % len(shades)],
        stroke=stroke,
        outline=stroke,
    )


def fig_transformer_input() -> Svg:
    width, height = 560, 430
    svg = Svg(
        width,
        height,
        "Transformer encoder input: token embeddings plus position vectors",
        "A variable-length sequence of n token embeddings, each added to a position vector, enters the encoder.",
    )
    enc_top, enc_h = 30, 50
    box(svg, 40, enc_top, 480, enc_h, "Encoder", NEUTRAL, size=FONT_TITLE, bold=True)
    words = ["I", "love", "deep", "learning"]
    sum_y, pos_top, emb_top, word_y = 136, 104, 200, 312
    for i, word in enumerate(words):
        c = 82 + i * 104
        ex, px = c - 14, c + 22
        arrow(svg, [(ex, sum_y - 11), (ex, enc_top + enc_h)])
        sum_node(svg, ex, sum_y, 11)
        vector_bar(svg, px, pos_top, i + 3, POS_SHADES, ORANGE.stroke)
        arrow(svg, [(px - 8, sum_y), (ex + 11, sum_y)])
        text(svg, px, pos_top + 64 + 16, f"pos {i}", size=FONT_SMALL, color=ORANGE.text)
        vector_bar(svg, ex, emb_top, i, EMBED_SHADES, BLUE.stroke)
        arrow(svg, [(ex, emb_top), (ex, sum_y + 11)])
        arrow(svg, [(ex, word_y - 14), (ex, emb_top + 64)])
        text(svg, ex, word_y, word, bold=True)
    c = 82 + 4 * 104
    for y in (sum_y, emb_top + 32, word_y):
        text(svg, c - 8, y, "…", size=FONT_TITLE, bold=True)
    arrow(svg, [(c - 8, sum_y - 14), (c - 8, enc_top + enc_h)], color=MUTED, dashed=True)

    # Brace under the tokens: the length n varies.
    by = word_y + 22
    left, right = 40, 520
    line(svg, [(left, by), (left, by + 8), (right, by + 8), (right, by)], color=MUTED)
    line(svg, [(280, by + 8), (280, by + 14)], color=MUTED)
    text(svg, 280, by + 28, "n tokens: the length n varies from sentence to sentence", size=FONT_SMALL, color=MUTED)
    swatch_legend(
        svg,
        280,
        height - 28,
        [
            (BLUE, "token embedding"),
            (ORANGE, "position vector"),
        ],
    )
    return svg


# --------------------------------------------------------------------------
# Figure 8: ViT overview
# --------------------------------------------------------------------------

SKY = "#e0f2fe"
GRASS = "#dcfce7"
SUN_FILL = "#fde68a"


def patch_content(svg: Svg, index: int, x: float, y: float, size: float) -> None:
    """Patch `index` (1..9) of a tiny schematic landscape, drawn at any size."""
    row = (index - 1) // 3
    s = size / 36  # the drawing is designed for 36-unit patches
    rect(svg, x, y, size, size, fill=SKY, stroke=GRID_LINE, width=STROKE_GRID, radius=0)
    if row == 2:  # grass below the horizon
        svg.add(
            f'<rect x="{num(x + 0.5)}" y="{num(y + 18 * s)}" width="{num(size - 1)}" '
            f'height="{num(18 * s - 0.5)}" fill="{GRASS}"/>'
        )
        svg.add(
            f'<path d="M{num(x)},{num(y + 18 * s)} L{num(x + size)},{num(y + 18 * s)}" '
            f'stroke="{GREEN.stroke}" stroke-width="1"/>'
        )
    if index == 3:  # the sun
        svg.add(
            f'<circle cx="{num(x + 22 * s)}" cy="{num(y + 21 * s)}" r="{num(8 * s)}" '
            f'fill="{SUN_FILL}" stroke="{ORANGE.stroke}" stroke-width="1"/>'
        )
    if index == 5:  # a bird
        d = (
            f"M{num(x + 10 * s)},{num(y + 27 * s)} "
            f"Q{num(x + 15 * s)},{num(y + 19 * s)} {num(x + 20 * s)},{num(y + 27 * s)} "
            f"Q{num(x + 25 * s)},{num(y + 19 * s)} {num(x + 30 * s)},{num(y + 27 * s)}"
        )
        svg.add(f'<path d="{d}" fill="none" stroke="{INK}" stroke-width="1.5" stroke-linecap="round"/>')


def encoder_detail(svg: Svg, left: float, right: float, top: float) -> float:
    """The inside of one encoder layer (pre-norm, two residuals); returns the
    bottom of the "Embedded Patches" input box."""
    cx = (left + right) / 2 + 10
    bw = 124
    skip_x = left + 16
    # y positions, top to bottom
    sum2 = top + 26
    mlp_y = sum2 + 26
    norm2_y = mlp_y + 50
    split2 = norm2_y + 50
    sum1 = split2 + 26
    mha_y = sum1 + 36
    norm1_y = mha_y + 72
    split1 = norm1_y + 50
    bottom = split1 + 20
    emb_y = bottom + 34

    text(svg, left, top - 16, "Transformer Encoder", bold=True, anchor="start")
    rect(svg, left, top, right - left, bottom - top, fill=PAPER, stroke=PURPLE.stroke)
    box(svg, cx - 70, emb_y, 140, 32, "Embedded Patches", NEUTRAL, size=FONT_SMALL)
    arrow(svg, [(cx, emb_y), (cx, norm1_y + 30)])
    dot(svg, cx, split1)
    box(svg, cx - bw / 2, norm1_y, bw, 30, "LayerNorm", NEUTRAL)
    arrow(svg, [(cx, norm1_y), (cx, mha_y + 46)])
    box(svg, cx - bw / 2, mha_y, bw, 46, ["Multi-Head", "Self-Attention"], BLUE)
    arrow(svg, [(cx, mha_y), (cx, sum1 + SUM_RADIUS)])
    sum_node(svg, cx, sum1)
    arrow(svg, [(cx, split1), (skip_x, split1), (skip_x, sum1), (cx - SUM_RADIUS, sum1)])
    line(svg, [(cx, sum1 - SUM_RADIUS), (cx, split2)])
    dot(svg, cx, split2)
    arrow(svg, [(cx, split2), (cx, norm2_y + 30)])
    box(svg, cx - bw / 2, norm2_y, bw, 30, "LayerNorm", NEUTRAL)
    arrow(svg, [(cx, norm2_y), (cx, mlp_y + 30)])
    box(svg, cx - bw / 2, mlp_y, bw, 30, "MLP", GREEN)
    arrow(svg, [(cx, mlp_y), (cx, sum2 + SUM_RADIUS)])
    sum_node(svg, cx, sum2)
    arrow(svg, [(cx, split2), (skip_x, split2), (skip_x, sum2), (cx - SUM_RADIUS, sum2)])
    arrow(svg, [(cx, sum2 - SUM_RADIUS), (cx, top + 1)])
    return emb_y + 32


def fig_vit() -> Svg:
    width, height = 680, 648
    svg = Svg(
        width,
        height,
        "Vision Transformer (ViT) overview",
        "P×P patches 1…9 are flattened and linearly projected; a learnable [CLS] "
        "embedding (0, *) is prepended and position embeddings 0…9 added; L encoder "
        "layers (LayerNorm, multi-head self-attention, LayerNorm, MLP, residuals) "
        "follow; an MLP head on [CLS] gives the class.",
    )
    pitch = 42
    x_of = [24 + pitch / 2 + i * pitch for i in range(10)]  # token centres
    main_right = 24 + 10 * pitch  # 444

    # Class and MLP head.
    box(svg, 24, 24, 236, 34, "Class: bird, ball, car, …", NEUTRAL)
    arrow(svg, [(x_of[0] + 40, 100), (x_of[0] + 40, 58)])
    box(svg, 24, 100, 130, 34, "MLP Head", GREEN, bold=True)
    enc_top, enc_h = 170, 46
    arrow(svg, [(x_of[0], enc_top), (x_of[0], 134)])
    box(svg, 24, enc_top, main_right - 24, enc_h, "Transformer Encoder", PURPLE, size=FONT_TITLE, bold=True)

    # Tokens: position embedding (pill) next to patch embedding (bar).
    tok_top, tok_h = 256, 34
    for i, cx in enumerate(x_of):
        arrow(svg, [(cx, tok_top), (cx, enc_top + enc_h)])
        rect(svg, cx - 18, tok_top, 18, tok_h, fill=PURPLE.fill, stroke=PURPLE.stroke, radius=9)
        text(svg, cx - 9, tok_top + tok_h / 2, str(i), size=FONT_SMALL, bold=True)
        rect(svg, cx + 1, tok_top, 15, tok_h, fill=ORANGE.fill, stroke=ORANGE.stroke, radius=3)
        if i == 0:
            text(svg, cx + 8.5, tok_top + tok_h / 2 + 3, "*", size=FONT_TITLE, bold=True)
    text(svg, x_of[0], tok_top + tok_h + 16, "[CLS]", size=FONT_SMALL, bold=True)

    # Linear projection and the flattened patches.
    lp_top, lp_h = 330, 36
    lp_left = x_of[1] - 21
    box(svg, lp_left, lp_top, main_right - lp_left, lp_h, "Linear Projection of Flattened Patches", ORANGE)
    flat_top, flat = 404, 30
    for i in range(1, 10):
        cx = x_of[i]
        arrow(svg, [(cx + 8, lp_top), (cx + 8, tok_top + tok_h)])
        arrow(svg, [(cx, flat_top), (cx, lp_top + lp_h)])
        patch_content(svg, i, cx - flat / 2, flat_top, flat)
        text(svg, cx, flat_top + flat + 14, str(i), size=FONT_SMALL, color=MUTED)
    brace_y = flat_top + flat + 28
    bl, br = x_of[1] - flat / 2, x_of[9] + flat / 2
    line(svg, [(bl, brace_y - 6), (bl, brace_y), (br, brace_y), (br, brace_y - 6)], color=MUTED)

    # The image, cut into 3×3 patches in reading order.
    psz, gap = 36, 4
    img_w = 3 * psz + 2 * gap
    img_left, img_top = 60, height - 24 - img_w
    text(svg, img_left + img_w / 2, img_top - 16, "image", bold=True)
    for k in range(9):
        r, c = divmod(k, 3)
        x = img_left + c * (psz + gap)
        y = img_top + r * (psz + gap)
        patch_content(svg, k + 1, x, y, psz)
        text(svg, x + 8, y + 9, str(k + 1), size=FONT_SMALL, bold=True)
    # "P": the side of one patch
    px = img_left - 10
    line(svg, [(px, img_top), (px, img_top + psz)], color=MUTED)
    line(svg, [(px - 4, img_top), (px + 4, img_top)], color=MUTED)
    line(svg, [(px - 4, img_top + psz), (px + 4, img_top + psz)], color=MUTED)
    text(svg, px - 12, img_top + psz / 2, "P", size=FONT_SMALL, bold=True)
    ax = 300
    mid_y = img_top + img_w / 2
    arrow(svg, [(img_left + img_w + 12, mid_y), (ax, mid_y), (ax, brace_y + 1)])
    for i, note in enumerate(["cut into P×P patches,", "flatten in reading order"]):
        text(svg, ax + 10, mid_y - 40 + 18 * i, note, size=FONT_SMALL, color=MUTED, anchor="start")

    # One encoder layer in detail, repeated L times.
    dl, dr, dtop = 486, 656, 52
    legend_top = encoder_detail(svg, dl, dr, dtop) + 36
    line(svg, [(main_right, enc_top + enc_h / 2), (dl, enc_top + enc_h / 2)], color=PURPLE.stroke, dashed=True)
    text(svg, (main_right + dl) / 2, 300, "L ×", size=FONT_TITLE, bold=True)

    # Legend for the token row.
    ly = legend_top
    rect(svg, dl, ly - 9, 12, 18, fill=PURPLE.fill, stroke=PURPLE.stroke, radius=6)
    text(svg, dl + 20, ly, "position embedding", size=FONT_SMALL, anchor="start")
    ly += 26
    rect(svg, dl, ly - 9, 12, 18, fill=ORANGE.fill, stroke=ORANGE.stroke, radius=3)
    text(svg, dl + 20, ly, "patch embedding", size=FONT_SMALL, anchor="start")
    ly += 26
    text(svg, dl + 6, ly + 3, "*", size=FONT_TITLE, bold=True)
    text(svg, dl + 20, ly, "extra learnable", size=FONT_SMALL, anchor="start")
    text(svg, dl + 20, ly + 16, "[CLS] embedding", size=FONT_SMALL, anchor="start")
    return svg


# --------------------------------------------------------------------------

FIGURES: dict[str, Callable[[], Svg]] = {
    "acnet-training.svg": fig_acnet_training,
    "acnet-deployed.svg": fig_acnet_deployed,
    "acnet-horizontal-kernel.svg": fig_acnet_horizontal,
    "repvgg.svg": fig_repvgg,
    "acnet-reparam.svg": fig_acnet_reparam,
    "memory-occupation.svg": fig_memory,
    "transformer-input.svg": fig_transformer_input,
    "vit-structure.svg": fig_vit,
}


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, draw in FIGURES.items():
        data = draw().render().encode("utf-8")
        (OUT_DIR / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
