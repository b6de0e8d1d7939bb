"""Is each English question a translation of the current Chinese question?

Each English heading records the fingerprint of the Chinese question it
translates (``data-source-hash``). When the Chinese question changes, the
fingerprints part: the English question is outdated until someone updates it
and stamps it again (``faqsite stamp``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faqsite.errors import Problem, SourceError
from faqsite.fileio import recover, write_files
from faqsite.markdown.model import SitePage, heading_attrs, read_page
from faqsite.translations.twins import TARGET_LANG, twins


@dataclass(frozen=True)
class Status:
    id: str
    zh_path: Path
    zh_line: int
    en_path: Path
    en_line: int | None  # None: no English question
    current: str  # fingerprint of the Chinese question now
    recorded: str | None  # fingerprint the translation records

    @property
    def missing(self) -> bool:
        return self.en_line is None

    @property
    def outdated(self) -> bool:
        return not self.missing and self.recorded != self.current


def statuses(docs: Path, read: Callable[[Path], SitePage] = read_page) -> list[Status]:
    """Every Chinese question with its translation's state; ``read`` parses a page (the plugin's is cached)."""
    out = []
    for twin in twins(docs):
        zh = read(twin.source)
        en = {q.id: q for q in read(twin.target).questions} if twin.target.exists() else {}
        for q in zh.questions:
            e = en.get(q.id)
            out.append(
                Status(
                    q.id,
                    twin.source,
                    q.line,
                    twin.target,
                    e.line if e else None,
                    q.fingerprint(),
                    e.source_hash if e else None,
                )
            )
    return out


def report(docs: Path) -> tuple[list[Problem], list[Problem]]:
    """(outdated, missing), one problem per question."""
    outdated, missing = [], []
    for s in statuses(docs):
        if s.missing:
            missing.append(
                Problem(
                    str(s.en_path),
                    1,
                    f"{s.id}: translation missing (expected a '## {s.id.upper().replace('-', '.')}: … {{#{s.id}}}' question, as in {s.zh_path.as_posix()}:{s.zh_line})",
                )
            )
        elif s.outdated:
            was = f"translates version {s.recorded}" if s.recorded else "records no source version"
            outdated.append(
                Problem(
                    str(s.en_path),
                    s.en_line or 1,
                    f"{s.id}: translation outdated: {was}, the Chinese question is now {s.current} ({s.zh_path.as_posix()}:{s.zh_line})",
                )
            )
    return outdated, missing


HASH_ATTR = re.compile(r'\s*data-source-hash="[0-9a-f]*"')


def stamp(docs: Path, en_page: Path, ids: set[str] | None = None, data: Path = Path("data")) -> list[str]:
    """Record the current Chinese fingerprints in ``en_page``; return the ids stamped.

    ``en_page`` must be a Markdown page under ``docs/en/`` (SourceError otherwise); it is
    written only if a fingerprint changes, through :func:`faqsite.fileio.write_files`
    (which first finishes a write an earlier command left unfinished in ``docs`` and ``data``).
    """
    english = (docs / TARGET_LANG).resolve()
    where = en_page.parent.resolve() / en_page.name
    if en_page.suffix != ".md" or not where.is_relative_to(english) or en_page.is_symlink():
        raise SourceError(
            Problem(str(en_page), 0, f"not an English page (expected a Markdown page under {(docs / TARGET_LANG).as_posix()}/)")
        )
    if not en_page.is_file():
        raise SourceError(Problem(str(en_page), 0, "file not found (expected an English page under docs/en/)"))
    recover((docs, data))  # what an interrupted command left unfinished, before reading
    current = {s.id: s.current for s in statuses(docs) if s.en_path.resolve() == en_page.resolve() and not s.missing}
    page = read_page(en_page)
    lines = page.text.split("\n")
    stamped = []
    for q in page.questions:
        if q.id not in current or (ids is not None and q.id not in ids):
            continue
        m = heading_attrs(lines[q.line - 1])
        attrs = HASH_ATTR.sub("", m["attrs"]).strip() if m else f"#{q.id}"
        lines[q.line - 1] = f'## {q.label}: {q.title} {{{attrs} data-source-hash="{current[q.id]}"}}'
        stamped.append(q.id)
    text = "\n".join(lines)
    if text != page.text:
        write_files({en_page: text}, (docs, data))
    return stamped
