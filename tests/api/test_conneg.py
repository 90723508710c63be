"""The Accept parser and format table (pure functions)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.conneg import FORMATS, GRAPH, PAGE, RESULTS, by_name, negotiate, parse_accept, quality


@pytest.mark.parametrize(
    ("accept", "kind", "expected"),
    [
        (None, RESULTS, "json"),
        ("", GRAPH, "turtle"),
        ("application/sparql-results+json,text/turtle;q=0.9", RESULTS, "json"),
        ("application/sparql-results+json,text/turtle;q=0.9", GRAPH, "turtle"),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.8", RESULTS, "xml"),
        ("text/tab-separated-values", RESULTS, "tsv"),
        ("application/json", RESULTS, "json"),
        ("application/json", GRAPH, "jsonld"),
        ("text/plain", GRAPH, "nt"),
        ("application/xml", RESULTS, "xml"),
        ("application/xml", GRAPH, "rdfxml"),
        ("text/*", RESULTS, "csv"),
        ("*/*;q=0.1, text/csv", RESULTS, "csv"),
        ("*/*, text/csv;q=0", RESULTS, "json"),
        ("text/csv;q=0, text/*", RESULTS, "tsv"),
        ("TEXT/TURTLE; Q=0.5", GRAPH, "turtle"),
        ("application/n-triples, text/turtle", GRAPH, "nt"),  # client's order breaks ties
        ("text/turtle, application/n-triples", GRAPH, "turtle"),
    ],
)
def test_negotiate(accept, kind, expected):
    fmt = negotiate(accept, kind)
    assert fmt is not None and fmt.name == expected


@pytest.mark.parametrize(
    ("accept", "kind"),
    [("image/png", RESULTS), ("text/turtle", RESULTS), ("text/csv", GRAPH), ("*/*;q=0", RESULTS)],
)
def test_nothing_acceptable(accept, kind):
    assert negotiate(accept, kind) is None


def test_browser_accept_prefers_the_page():
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert negotiate(browser, GRAPH, PAGE).name == "html"
    assert negotiate("*/*", GRAPH, PAGE).name == "turtle"


def test_malformed_entries_are_skipped():
    ranges = parse_accept("garbage, text/csv;q=abc, /x, */json, text/turtle;q=2, text/tsv;q=0.3")
    assert [(r.type, r.subtype, r.q) for r in ranges] == [("text", "tsv", 0.3)]


def test_by_name():
    assert by_name("TTL", GRAPH).name == "turtle"
    assert by_name("json-ld", GRAPH).name == "jsonld"
    assert by_name("text/tab-separated-values", RESULTS).name == "tsv"
    assert by_name("xml", RESULTS).name == "xml"
    assert by_name("xml", GRAPH).name == "rdfxml"
    assert by_name("png", RESULTS, GRAPH) is None


media = st.sampled_from(
    [f.media_type for f in FORMATS]
    + ["*/*", "text/*", "application/*", "image/png", "application/json"]
)
entry = st.tuples(media, st.one_of(st.none(), st.floats(0, 1).map(lambda q: round(q, 3))))


@given(st.lists(entry, max_size=6), st.sampled_from([RESULTS, GRAPH]))
def test_negotiated_format_has_the_highest_quality(entries, kind):
    header = ", ".join(m if q is None else f"{m};q={q}" for m, q in entries)
    ranges = parse_accept(header)
    chosen = negotiate(header, kind)
    best = max((quality(ranges, f)[0] for f in FORMATS if f.kind == kind), default=0.0)
    if best <= 0:
        assert chosen is None
    else:
        assert chosen is not None and chosen.kind == kind
        assert quality(ranges, chosen)[0] == best


@given(st.text(max_size=200))
def test_parser_never_raises(header):
    for r in parse_accept(header):
        assert 0 <= r.q <= 1
    negotiate(header, RESULTS)
