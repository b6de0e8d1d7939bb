"""The ``faqsite`` command. Its core is :func:`run`, which returns the exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from faqsite.check import check_docs
from faqsite.errors import Problem, SourceError, display_path
from faqsite.importer.pipeline import ImportOptions, import_season
from faqsite.translations.freshness import report as freshness_report
from faqsite.translations.freshness import stamp
from faqsite.translations.parity import check_parity

SEASON_ID = r"^\d{4}-s\d+$"


def _import(args: argparse.Namespace) -> int:
    import re

    if not re.match(SEASON_ID, args.season):
        print(f"faqsite import: season '{args.season}' is malformed (expected YEAR-sN, e.g. 2021-s1)", file=sys.stderr)
        return 2
    options = ImportOptions(
        source=args.source,
        season=args.season,
        docs=args.docs,
        figures=args.figures,
        upstream_repo=args.upstream_repo,
        upstream_path=args.upstream_path or f"docs/zh_CN/FAQ/{args.source.name}",
        legacy_paths=tuple(args.legacy_path or ()),
        force=args.force,
    )
    result = import_season(options)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    for path in result.pages:
        state = "written" if path in result.written else "unchanged"
        print(f"{display_path(path)}: {state}")
    return 0


def _report(problems: list[Problem], summary: str) -> int:
    """A check's output: one line per problem on stdout, a summary on stderr, 1 if any."""
    for problem in problems:
        print(problem)
    print(summary, file=sys.stderr)
    return 1 if problems else 0


def _parity(args: argparse.Namespace) -> int:
    problems = check_parity(args.docs)
    return _report(problems, f"parity: {len(problems)} difference(s) between docs/zh and docs/en")


def _freshness(args: argparse.Namespace) -> int:
    outdated, missing = freshness_report(args.docs)
    return _report(missing + outdated, f"freshness: {len(outdated)} outdated, {len(missing)} missing translation(s)")


def _stamp(args: argparse.Namespace) -> int:
    if not args.page.exists():
        print(f"{display_path(args.page)}:0: file not found (expected an English page under docs/en/)", file=sys.stderr)
        return 1
    stamped = stamp(args.docs, args.page, set(args.id) if args.id else None)
    for id_ in stamped:
        print(f"{display_path(args.page)}: {id_} stamped as up to date")
    return 0


def _check(args: argparse.Namespace) -> int:
    problems = check_docs(args.docs)
    return _report(problems, f"check: {len(problems)} problem(s) in {display_path(args.docs)}")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="faqsite", description="Tools for the PaddleClas FAQ documentation site.")
    sub = p.add_subparsers(dest="command", required=True)

    imp = sub.add_parser("import", help="import an upstream season file into one page per issue")
    imp.add_argument("source", type=Path, help="upstream season Markdown file")
    imp.add_argument("--season", required=True, help="season id, e.g. 2021-s1")
    imp.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)")
    imp.add_argument("--figures", type=Path, default=Path("data/figures.yml"), help="figure registry")
    imp.add_argument(
        "--upstream-repo",
        default="https://github.com/PaddlePaddle/PaddleClas/blob/release/2.5/",
        help="base URL that links to other upstream pages resolve against",
    )
    imp.add_argument("--upstream-path", help="path of the source file in the upstream repository")
    imp.add_argument(
        "--legacy-path",
        action="append",
        help="an earlier upstream path of the file (repeatable); redirects are made for it too",
    )
    imp.add_argument("--force", action="store_true", help="overwrite pages edited by hand")
    imp.set_defaults(func=_import)

    chk = sub.add_parser("check", help="check the Markdown pages for contributors' mistakes (writes nothing)")
    chk.add_argument("--docs", type=Path, default=Path("docs"))
    chk.set_defaults(func=_check)

    par = sub.add_parser("parity", help="report every structural difference between the Chinese and English pages")
    par.add_argument("--docs", type=Path, default=Path("docs"))
    par.set_defaults(func=_parity)

    fre = sub.add_parser("freshness", help="list outdated and missing English translations")
    fre.add_argument("--docs", type=Path, default=Path("docs"))
    fre.set_defaults(func=_freshness)

    sta = sub.add_parser("stamp", help="record that an English page translates the current Chinese questions")
    sta.add_argument("page", type=Path, help="English page, e.g. docs/en/faq/2021-s1/issue-3.md")
    sta.add_argument("--id", action="append", help="only this question id (repeatable), e.g. q3-2")
    sta.add_argument("--docs", type=Path, default=Path("docs"))
    sta.set_defaults(func=_stamp)
    return p


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SourceError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1


def main() -> None:
    """Console-script entry point."""
    sys.exit(run(sys.argv[1:]))
