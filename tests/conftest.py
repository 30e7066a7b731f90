"""Shared test configuration: the hypothesis profile the property tests run under, and a cache
directory of the run's own (``qa.cache``), so tests neither read nor fill the user's.

A fixed seed (``derandomize``) makes every run try the same examples, so CI
is reproducible; the example budget keeps the suite fast. ``HYPOTHESIS_PROFILE=long``
runs a deeper search locally.
"""

from __future__ import annotations

import os
import tempfile

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

os.environ.setdefault("QA_CACHE_DIR", tempfile.mkdtemp(prefix="qa-test-cache-"))  # subprocesses inherit it
