"""Shared test configuration: hypothesis profiles chosen by HYPOTHESIS_PROFILE (ci, dev, fuzz)."""

import os

from hypothesis import HealthCheck, settings

# ci draws the same examples on every run (derandomize: a seed from each test's source), so that a rare draw
# cannot fail one CI run and pass the next; dev draws afresh each run and keeps failures in .hypothesis/, and
# fuzz (20,000 per test) is the exploration run (docs/robustness.md).
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("fuzz", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
