"""Documents made of units and texts extracted from markup: the records that carry positions back to files and units."""

from __future__ import annotations

from qa.align import align_texts
from qa.io.extract import Extract
from qa.io.units import UnitRecord, unit_document
from qa.model import OffsetMap
from qa.text import Text


def _doc():  # type: ignore[no-untyped-def]
    return unit_document(
        "d",
        "d.po",
        [
            UnitRecord("u1", {"source": "Prva rečenica. Druga rečenica.", "target": "First sentence. Second sentence."}, 3),
            UnitRecord("u2", {"source": "Bez prevoda.", "target": ""}, 7),
            UnitRecord("u3", {"source": "Treća.", "target": "Third one, much longer than its source and still one sentence."}, 9),
        ],
        "sr",
        None,
    )


def test_every_unit_has_a_span_on_every_side_and_the_spans_index_the_texts() -> None:
    doc = _doc()
    assert doc.target_lang == "en" and [u.line for u in doc.units] == [3, 7, 9]
    for unit in doc.units:
        assert set(unit.spans) == {"source", "target"}
    assert [doc.target[slice(*u.spans["target"])] for u in doc.units] == [
        "First sentence. Second sentence.", "", "Third one, much longer than its source and still one sentence."
    ]
    u3 = doc.units[2].spans["target"][0]
    assert doc.unit_at("target", u3 + 5).id == "u3"  # type: ignore[union-attr]
    assert doc.unit_at("target", doc.units[1].spans["target"][0]).id == "u2"  # type: ignore[union-attr]
    assert doc.unit_at("target", doc.units[0].spans["target"][1] + 1) is None  # the blank line between units


def test_the_aligner_pairs_unit_with_unit() -> None:
    doc = _doc()
    pairs = align_texts(Text(doc.source), Text(doc.target))
    shown = [([doc.source[b.start : b.end] for b in p.left], [doc.target[b.start : b.end] for b in p.right]) for p in pairs]
    # the empty unit's source is an omission, and the long third target still pairs with its own source, not a neighbour
    assert (["Bez prevoda."], []) in shown
    assert (["Treća."], ["Third one, much longer than its source and still one sentence."]) in shown
    assert ["Prva rečenica.", "Druga rečenica."] == [s for left, _ in shown[:2] for s in left]


def test_plain_texts_are_aligned_as_before() -> None:
    left, right = Text("Jedan.\nDva."), Text("One.\nTwo.")
    assert len(align_texts(left, right)) == 2


def test_offset_map_copied_pieces_map_offset_by_offset_and_others_as_a_whole() -> None:
    source = "<p>R&amp;D  rises</p>"
    out = Extract()
    out.copy("R", 3)
    out.put("&", 4, 9)
    out.copy("D", 9)
    out.space(10, 12)
    out.copy("rises", 12)
    text, origin = out.finish(source)
    assert text == "R&D rises\n"
    assert origin.file_offset(text.index("rises")) == source.index("rises")
    assert origin.file_offset(1) == 4 and origin.file_offset(2, end=True) == 9  # "&" is the whole "&amp;"
    assert source[origin.file_offset(0) : origin.file_offset(3, end=True)] == "R&amp;D"
    assert origin.position(origin.file_offset(4)) == (1, 13)


def test_offset_map_positions_use_the_files_lines() -> None:
    origin = OffsetMap(text_starts=(0, 4), file_starts=(10,), file_ends=(14,), line_starts=(0, 5, 10))
    assert origin.position(origin.file_offset(2)) == (3, 3)


def test_collapsed_space_before_a_line_end_is_dropped() -> None:
    out = Extract()
    out.copy("Word", 0)
    out.space(4, 6)
    out.newline(6)
    out.copy("Next", 10)
    text, _ = out.finish("Word  </p>Next")
    assert text == "Word\nNext\n"
