"""The lock of a collection (``data/upstream/<id>.yml``): what upstream said at the last import.

Per question, the normalized upstream text (the *base* of the next three-way
merge); per page, its front matter and question order; and the collection's
import settings and old upstream anchors, so that a re-import needs only the
collection id. Written in a stable order, with answers as YAML block text, so
that a pull request shows upstream changes as readable diffs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from faqsite.errors import Problem, SourceError
from faqsite.fileio import read_data
from faqsite.importer.render import PagePlan, QuestionText

# libyaml's loader when PyYAML has it: every build reads the locks (for the redirects), ten times faster
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HEADER = "# What upstream said at the last import of this collection. Written by `faqsite import`; do not edit.\n"


@dataclass
class Lock:
    collection: str
    source: str  # path of the upstream file, relative to the repository
    upstream_path: str
    legacy_paths: list[str] = field(default_factory=list)
    title: str | None = None
    nav_title: str | None = None
    pages: list[PagePlan] = field(default_factory=list)
    legacy_anchors: dict[str, str] = field(default_factory=dict)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(lock: Lock) -> str:
    data: dict[str, Any] = {
        "collection": lock.collection,
        "source": lock.source,
        "upstream_path": lock.upstream_path,
        "legacy_paths": lock.legacy_paths,
    }
    if lock.title:
        data["title"] = lock.title
    if lock.nav_title:
        data["nav_title"] = lock.nav_title
    data["pages"] = [
        {
            "page": p.name,
            "meta": p.meta,
            **({"intro": p.intro} if p.intro else {}),
            "questions": [{"id": q.id, "label": q.label, "title": q.title, "body": q.body} for q in p.questions],
        }
        for p in lock.pages
    ]
    data["legacy_anchors"] = dict(sorted(lock.legacy_anchors.items()))
    return HEADER + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def read(path: Path) -> Lock | None:
    """The lock at ``path``, or None before the first import."""
    if not path.exists():
        return None
    text = read_data(path, "the lock `faqsite import` writes")
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader
        for key in ("title", "nav_title"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise TypeError(f"{key} is not text")
        return Lock(
            collection=str(data["collection"]),
            source=str(data["source"]),
            upstream_path=str(data["upstream_path"]),
            legacy_paths=[str(p) for p in data.get("legacy_paths") or []],
            title=data.get("title"),
            nav_title=data.get("nav_title"),
            pages=[
                PagePlan(
                    str(p["page"]),
                    dict(p["meta"]),
                    str(p.get("intro") or ""),
                    [
                        QuestionText(str(q["id"]), str(q["label"]), str(q["title"]), str(q["body"]))
                        for q in p["questions"]
                    ],
                )
                for p in data.get("pages") or []
            ],
            legacy_anchors={str(k): str(v) for k, v in (data.get("legacy_anchors") or {}).items()},
        )
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise SourceError(Problem(str(path), line, f"invalid YAML: {getattr(exc, 'problem', exc)}")) from None
    except (KeyError, TypeError, AttributeError, ValueError, RecursionError) as exc:
        raise SourceError(
            Problem(str(path), 1, f"malformed lock ({exc}) (expected the file `faqsite import` writes)")
        ) from None
