"""The report's JSON writer writes what ``json.dumps(indent=2)`` writes, character for character."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from qa.reporters.json import dumps

_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=25,
)


@given(_values, st.sampled_from(["", "  ", "    "]))
def test_equals_json_dumps(value: object, margin: str) -> None:
    assert dumps(value, margin) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + margin)


def test_special_floats_tuples_and_unsupported_keys() -> None:
    value = {"a": [math.nan, math.inf, -math.inf, 1e-7, -0.0], "b": (1, "ž\u2028\"\\"), "c": {}, "d": []}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
    keyed = {1: "one", None: [True], 2.5: {"x": False}}  # json writes such keys as strings: left to json
    assert dumps(keyed, "  ") == json.dumps(keyed, ensure_ascii=False, indent=2).replace("\n", "\n  ")
