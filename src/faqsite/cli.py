"""The ``faqsite`` command. Its core is :func:`run`, which returns the exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from faqsite.check import check_docs
from faqsite.errors import Problem, SourceError, display_path
from faqsite.importer.pipeline import DEFAULT_REPO, ConflictError, ImportOptions, import_collection
from faqsite.translations.freshness import report as freshness_report
from faqsite.translations.freshness import stamp
from faqsite.translations.parity import check_parity


def _import(args: argparse.Namespace) -> int:
    options = ImportOptions(
        collection=args.collection,
        source=args.source,
        docs=args.docs,
        data=args.data,
        figures=args.figures,
        upstream_repo=args.upstream_repo,
        upstream_path=args.upstream_path,
        legacy_paths=tuple(args.legacy_path or ()),
        title=args.title,
        nav_title=args.nav_title,
        keep=frozenset(args.keep or ()),
        take=frozenset(args.take or ()),
    )
    try:
        result = import_collection(options)
    except ConflictError as exc:
        for conflict in exc.conflicts:
            print(conflict.problem(), file=sys.stderr)
            for line in conflict.diff():
                print(f"    {line}", file=sys.stderr)
        print(
            f"faqsite import: {len(exc.conflicts)} conflict(s), nothing written; "
            "run again with --keep ID (this site's text) or --take ID (upstream's) for each",
            file=sys.stderr,
        )
        return 1
    for path in result.finished:
        print(f"{display_path(path)}: completed (an earlier write was interrupted)", file=sys.stderr)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    for path in result.written:
        print(f"{display_path(path)}: written")
    for path in result.removed:
        print(f"{display_path(path)}: removed (upstream no longer has it)")
    summary = f"import {options.collection}: {len(result.written)} file(s) written"
    if result.removed:
        summary += f", {len(result.removed)} removed"
    if result.applied:
        summary += f"; from upstream: {', '.join(result.applied)}"
    if result.kept:
        summary += f"; kept here: {', '.join(result.kept)}"
    print(summary, file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    """Preview with live reload: a missing translation is a notice, not an abort (the strict build still fails)."""
    import socket
    import subprocess

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((args.host, args.port))
        except OSError as exc:
            print(
                f"faqsite serve: {args.host}:{args.port} is not free ({exc.strerror}); pick another with --port (make serve PORT=8010)",
                file=sys.stderr,
            )
            return 1
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"{args.host}:{args.port}"]
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0


def _build(args: argparse.Namespace) -> int:
    """The strict build, as CI runs it."""
    import subprocess

    return subprocess.call([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(args.site_dir)])


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
    summary = f"freshness: {len(outdated)} outdated, {len(missing)} missing translation(s)"
    if args.fail_on == "missing":  # the pre-commit hook: an outdated translation is a warning
        for problem in outdated:
            print(f"{problem} (warning)")
        return _report(missing, summary)
    return _report(missing + outdated, summary)


def _stamp(args: argparse.Namespace) -> int:
    stamped = stamp(args.docs, args.page, set(args.id) if args.id else None, args.data)
    for id_ in stamped:
        print(f"{display_path(args.page)}: {id_} stamped as up to date")
    return 0


def _check(args: argparse.Namespace) -> int:
    problems = check_docs(args.docs)
    return _report(problems, f"check: {len(problems)} problem(s) in {display_path(args.docs)}")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="faqsite", description="Tools for the PaddleClas FAQ documentation site.")
    sub = p.add_subparsers(dest="command", required=True)

    imp = sub.add_parser(
        "import",
        help="import an upstream FAQ file, or merge its changes into docs/ per question",
        description="The first import of a collection needs the upstream file; later imports read it from "
        "the collection's lock (data/upstream/ID.yml) unless given. Changes made only upstream are applied, "
        "changes made only here are kept; a question changed on both sides stops the import until resolved.",
    )
    imp.add_argument("source", type=Path, nargs="?", help="upstream FAQ Markdown file (default: the one in the lock)")
    imp.add_argument(
        "--collection", "--season", dest="collection", required=True, help="collection id: 2021-s1, selected-30, …"
    )
    imp.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder (default: docs)")
    imp.add_argument("--data", type=Path, default=Path("data"), help="data folder with the locks (default: data)")
    imp.add_argument("--figures", type=Path, help="figure registry (default: DATA/figures.yml)")
    imp.add_argument(
        "--upstream-repo", default=DEFAULT_REPO, help="base URL that links to other upstream pages resolve against"
    )
    imp.add_argument("--upstream-path", help="path of the source file in the upstream repository")
    imp.add_argument(
        "--legacy-path",
        action="append",
        help="an earlier upstream path of the file (repeatable); redirects are made for it too",
    )
    imp.add_argument("--title", help="title of the collection page (default: the file's own title)")
    imp.add_argument("--nav-title", help="short title in navigation (default: '2021 第 1 季' from the id)")
    imp.add_argument(
        "--keep", action="append", metavar="ID", help="resolve a conflict with this site's text (repeatable)"
    )
    imp.add_argument(
        "--take", action="append", metavar="ID", help="resolve a conflict with upstream's text (repeatable)"
    )
    imp.set_defaults(func=_import)

    srv = sub.add_parser(
        "serve", help="preview the site with live reload on 127.0.0.1 (missing translations shown as notices)"
    )
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--host", default="127.0.0.1")
    srv.set_defaults(func=_serve)

    bld = sub.add_parser("build", help="build the site strictly (any warning fails), as CI does")
    bld.add_argument("--site-dir", type=Path, default=Path("site"))
    bld.set_defaults(func=_build)

    chk = sub.add_parser("check", help="check the Markdown pages for contributors' mistakes (writes nothing)")
    chk.add_argument("--docs", type=Path, default=Path("docs"))
    chk.set_defaults(func=_check)

    par = sub.add_parser("parity", help="report every structural difference between the Chinese and English pages")
    par.add_argument("--docs", type=Path, default=Path("docs"))
    par.set_defaults(func=_parity)

    fre = sub.add_parser("freshness", help="list outdated and missing English translations")
    fre.add_argument("--docs", type=Path, default=Path("docs"))
    fre.add_argument(
        "--fail-on",
        choices=("outdated", "missing"),
        default="outdated",
        help="exit 1 on outdated or missing translations (default), or on missing ones only",
    )
    fre.set_defaults(func=_freshness)

    sta = sub.add_parser("stamp", help="record that an English page translates the current Chinese questions")
    sta.add_argument("page", type=Path, help="English page, e.g. docs/en/faq/2021-s1/issue-3.md")
    sta.add_argument("--id", action="append", help="only this question id (repeatable), e.g. q3-2")
    sta.add_argument("--docs", type=Path, default=Path("docs"))
    sta.add_argument(
        "--data", type=Path, default=Path("data"), help="data folder, where an interrupted import is finished (default: data)"
    )
    sta.set_defaults(func=_stamp)
    return p


# Commands that read an existing docs folder (import may create its own).
READS_DOCS = ("check", "parity", "freshness", "stamp")


def run(argv: list[str]) -> int:
    """Run the command; every bad argument or input is a one-line message and a non-zero status."""
    p = parser()
    args = p.parse_args(argv)
    for option in ("docs", "data"):
        folder: Path | None = getattr(args, option, None)
        if folder is None:
            continue
        if folder.exists() and not folder.is_dir():
            p.error(f"--{option} {display_path(folder)} is not a folder")
        if option == "docs" and args.command in READS_DOCS and not folder.is_dir():
            p.error(f"--docs {display_path(folder)}: no such folder (expected the site's docs folder)")
    try:
        return int(args.func(args))
    except SourceError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except OSError as exc:  # a file that cannot be read or written, wherever it is met
        where = display_path(exc.filename) if exc.filename else f"faqsite {args.command}"
        print(f"{where}:0: {exc.strerror or exc} (expected a readable file and a writable folder)", file=sys.stderr)
        return 1


def main() -> None:
    """Console-script entry point."""
    sys.exit(run(sys.argv[1:]))
