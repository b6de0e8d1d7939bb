"""A synthetic corpus N times the size of the real season, for benchmarks.

Usage: python scripts/make_corpus.py --scale 100 --out /tmp/corpus-100 [--unit season|series]

Writes a complete project (mkdocs.yml, docs/, overrides/, data/) into --out:
the real pages plus (scale - 1) synthetic copies of a unit, in both languages.

- ``--unit season`` (the default, what scripts/bench_search.py measures): a
  copy is one season of five issues of five questions (the size of 2021
  Season 1), ``syn-001``, ``syn-002``, ...
- ``--unit series``: a copy is the whole series, every collection of docs/
  with its units and question labels (issues, parts and sections, ``Q1.2.3``),
  as ``syn001-2021-s1``, ``syn001-selected-30``, ...; 100 times the series is
  the real pages and 99 such copies.

The text is made of the real answers' sentences, recombined with a fixed seed
(so a run is reproducible), with varied model names, numbers and
configuration keys, so the vocabulary grows with the corpus as a real FAQ's
does. English questions are stamped as translations of their Chinese twins,
as in the real site.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from faqsite.markdown.model import read_page  # noqa: E402

MODELS = [
    "ResNet",
    "MobileNetV",
    "ShuffleNetV",
    "GhostNet",
    "EfficientNetB",
    "RepVGG-A",
    "PP-LCNet",
    "ViT-B/",
    "DeiT-S",
    "HRNet-W",
]
KEYS = [
    "batch_size",
    "num_workers",
    "class_num",
    "learning_rate",
    "epochs",
    "image_shape",
    "warmup_epoch",
    "use_mixup",
    "label_smoothing",
    "topk",
]
UNITS = ("season", "series")
SENTENCE_ZH = re.compile(r"[^。；！？]+[。；！？]")
SENTENCE_EN = re.compile(r"[^.!?]+(?:[.!?](?=\s|$))")


def pools(lang: str) -> tuple[list[str], list[str]]:
    """(titles, sentences) of the real pages of a language, code and links left out."""
    titles: list[str] = []
    sentences: list[str] = []
    for path in sorted((ROOT / "docs" / lang / "faq").rglob("issue-*.md")):
        for q in read_page(path).questions:
            titles.append(q.title)
            for line in q.body.splitlines():
                line = line.strip().lstrip("*-0123456789. ").strip()
                if not line or line.startswith(("!", "[", "/", "`", "<", "$")) or "](" in line:
                    continue
                pattern = SENTENCE_ZH if lang == "zh" else SENTENCE_EN
                sentences.extend(s.strip() for s in pattern.findall(line) if len(s.strip()) > 12)
    return titles, sentences


def vary(text: str, rng: random.Random) -> str:
    """New model names, numbers and keys, so that the vocabulary grows."""
    text = re.sub(r"\b\d+\b", lambda m: str(rng.randint(1, 4096)), text)
    text = re.sub(
        r"ResNet\d*|MobileNetV\d|EfficientNetB\d", lambda m: f"{rng.choice(MODELS)}{rng.randint(0, 152)}", text
    )
    return text


def question_body(sentences: list[str], rng: random.Random, lang: str) -> str:
    paragraphs = []
    for _ in range(rng.randint(2, 4)):
        picked = [vary(rng.choice(sentences), rng) for _ in range(rng.randint(2, 4))]
        paragraphs.append(("" if lang == "zh" else " ").join(picked))
    if rng.random() < 0.5:
        key = rng.choice(KEYS)
        items = [f"{i}. " + vary(rng.choice(sentences), rng) for i in range(1, rng.randint(3, 5))]
        items.append(f"{len(items) + 1}. `{key}={rng.randint(1, 512)}`")
        paragraphs.append("\n".join(items))
    return "\n\n".join(paragraphs)


def synthetic_season(number: int, seed: int, docs: Path, pool: dict[str, tuple[list[str], list[str]]]) -> None:
    season = f"syn-{number:03d}"
    labels = {"zh": "第 {n} 期", "en": "Issue {n}"}
    season_titles = {"zh": f"合成测试季 {number}", "en": f"Synthetic season {number}"}
    for lang in ("zh", "en"):
        rng = random.Random(f"{seed}-{number}-{lang}")
        titles, sentences = pool[lang]
        folder = docs / lang / "faq" / season
        folder.mkdir(parents=True, exist_ok=True)
        index = [
            f"---\nseason: {season}\ntitle: {season_titles[lang]}\nnav_title: {season_titles[lang]}\n---\n",
            f"# {season_titles[lang]}\n",
        ]
        for issue in range(1, 6):
            month, day = divmod((number * 5 + issue) % 336, 28)
            date = f"{2022 + number // 60}-{month % 12 + 1:02d}-{day + 1:02d}"
            title = labels[lang].format(n=issue)
            blocks = [f"---\nseason: {season}\nissue: {issue}\ndate: {date}\ntitle: {title}\n---\n", f"# {title}\n"]
            index.append(f"## {title} · {date} {{#issue-{issue}}}\n")
            for q in range(1, 6):
                label = f"Q{issue}.{q}"
                qtitle = vary(rng.choice(titles), rng)
                attrs = f"#q{issue}-{q}"
                if lang == "en":
                    zh_page = read_page(docs / "zh" / "faq" / season / f"issue-{issue}.md")
                    attrs += f' data-source-hash="{zh_page.questions[q - 1].fingerprint()}"'
                blocks.append(f"## {label}: {qtitle} {{{attrs}}}\n\n{question_body(sentences, rng, lang)}\n")
                index.append(
                    f"- [{label}: {qtitle.replace('[', chr(92) + '[').replace(']', chr(92) + ']')}](issue-{issue}.md#q{issue}-{q})"
                )
            index.append("")
            (folder / f"issue-{issue}.md").write_text("\n".join(blocks), encoding="utf-8")
        (folder / "index.md").write_text("\n".join(index), encoding="utf-8")


def _front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def synthetic_series(number: int, seed: int, docs: Path, pool: dict[str, tuple[list[str], list[str]]]) -> None:
    """Copy ``number`` of the whole series: each real collection's units and labels, synthetic text."""
    suffix = {"zh": f" · 合成副本 {number}", "en": f" · synthetic copy {number}"}
    for collection in sorted(p.name for p in (ROOT / "docs" / "zh" / "faq").iterdir() if p.is_dir()):
        cid = f"syn{number:03d}-{collection}"
        for lang in ("zh", "en"):
            rng = random.Random(f"{seed}-{number}-{collection}-{lang}")
            titles, sentences = pool[lang]
            real = ROOT / "docs" / lang / "faq" / collection
            folder = docs / lang / "faq" / cid
            folder.mkdir(parents=True, exist_ok=True)
            meta = read_page(real / "index.md").meta
            title = f"{meta.get('title', collection)}{suffix[lang]}"
            index = {
                **meta,
                "season": cid,
                "title": title,
                "nav_title": f"{meta.get('nav_title', title)}{suffix[lang]}",
            }
            (folder / "index.md").write_text(f"{_front_matter(index)}\n# {title}\n", encoding="utf-8")
            for unit in sorted(real.glob("*.md")):
                if unit.name == "index.md":
                    continue
                page = read_page(unit)
                blocks = [_front_matter({**page.meta, "season": cid}), f"# {page.meta.get('title', unit.stem)}\n"]
                twins = read_page(docs / "zh" / "faq" / cid / unit.name).questions if lang == "en" else []
                for i, q in enumerate(page.questions):
                    attrs = f"#{q.id}"
                    if lang == "en":
                        attrs += f' data-source-hash="{twins[i].fingerprint()}"'
                    qtitle = vary(rng.choice(titles), rng)
                    blocks.append(f"## {q.label}: {qtitle} {{{attrs}}}\n\n{question_body(sentences, rng, lang)}\n")
                (folder / unit.name).write_text("\n".join(blocks), encoding="utf-8")


def make_corpus(scale: int, out: Path, seed: int = 2021, unit: str = "season") -> Path:
    """The project with (scale - 1) synthetic copies of a season (``unit="season"``) or of the whole series."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, not {unit!r}")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("docs", "overrides", "data"):
        shutil.copytree(ROOT / name, out / name)
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    (out / "src").symlink_to(ROOT / "src", target_is_directory=True)  # mkdocs.yml watches it: it must exist
    pool = {lang: pools(lang) for lang in ("zh", "en")}
    for number in range(1, scale):
        if unit == "series":
            synthetic_series(number, seed, out / "docs", pool)
        else:
            synthetic_season(number, seed, out / "docs", pool)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--unit", choices=UNITS, default="season", help="what a copy is: one season or the whole series")
    args = ap.parse_args(argv)
    out = make_corpus(args.scale, args.out, args.seed, args.unit)
    units = [p for p in (out / "docs" / "zh" / "faq").rglob("*.md") if p.name != "index.md"]
    questions = sum(len(read_page(p).questions) for p in units)
    print(f"{out}: {len(units)} unit pages and {questions} questions per language")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
