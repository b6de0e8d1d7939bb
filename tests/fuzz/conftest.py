"""Hypothesis profiles for the fuzz tests: a short run in every test run, a long one on demand.

``HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/fuzz`` runs a hundred
times more examples with runs of brackets and stars ten times longer (about
ten minutes), keeping failing examples in ``.pytest_cache/hypothesis`` to replay them first.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from tests.conftest import ROOT

# Per input: the importer, `check` and the page model take well under a second on any input
# of these sizes; the deadline is loose for a loaded two-core machine, tight for a quadratic step
# (tens of seconds on the long profile's runs of 4,000 brackets).
DEADLINE = timedelta(seconds=5)
settings.register_profile(
    "default",
    max_examples=25,
    deadline=DEADLINE,
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=2500,
    deadline=DEADLINE,
    database=DirectoryBasedExampleDatabase(str(ROOT / ".pytest_cache" / "hypothesis")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
