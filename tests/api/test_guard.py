"""Reading SERVICE / LOAD and the query form from SPARQL tokens, not raw characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.guard import looks_like_update, nesting_depth, query_form, uses_network


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
        "select * { service silent <http://x/> {} }",
        "SELECT * {?s ?p ?o.SERVICE <http://x/> {}}",
        "SELECT * { SERVICE ?endpoint { } }",
        "LOAD <http://x/data.ttl>",
        "load silent <http://x/d.ttl> into graph <http://g/>",
        "INSERT DATA { <a:b> <a:c> 1 } ; LOAD <http://x/>",
        "SELECT * { \\u0053ERVICE <http://x/> {} }",
        'SELECT * { ?s ?p "a" } SERVICE',
        # Oxigraph reads these without a space: a literal or number, then the keyword.
        "SELECT * { ?s ?p falseSERVICE <http://127.0.0.1:9/x> { ?a ?b ?c } }",
        "SELECT * { ?s ?p trueSERVICE <http://127.0.0.1:9/x> { ?a ?b ?c } }",
        "SELECT * { ?s ?p 0SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c } }",
        "SELECT * { ?s ?p 1e1SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c } }",
        "SELECT * { ?s ?p ?o.SERVICE<http://127.0.0.1:9/>{ ?a ?b ?c } }",
        # ... and the keyword followed by a prefixed name, even when `service:` is declared.
        "PREFIX : <http://127.0.0.1:9/> SELECT * { SERVICE:x { ?a ?b ?c } }",
        "PREFIX service: <http://e/> PREFIX : <http://127.0.0.1:9/> "
        "SELECT * { service:x { ?a ?b ?c } }",
        "PREFIX : <http://127.0.0.1:9/> SELECT * { ?s ?p trueSERVICE:x { ?a ?b ?c } }",
        "INSERT DATA { <a:b> <a:c> 1 } ;LOAD<http://127.0.0.1:9/>",
        "INSERT { <a:b> <a:c> ?o } WHERE { ?s ?p falseSERVICE <http://127.0.0.1:9/> { ?o ?q ?r } }",
    ],
)
def test_network_use_is_found(text):
    assert uses_network(text)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * { ?s ?p "SERVICE <http://x/> {}" }',
        "SELECT * { ?s ?p 'LOAD <http://x/>' }",
        'SELECT * { ?s ?p """multi\nSERVICE <http://x/>\n""" }',
        "SELECT * { ?s ?p ?o } # SERVICE <http://x/>",
        "SELECT ?service ?load { ?service ?p $load }",
        "PREFIX ex: <http://e/> SELECT * { ?s ex:load ?o . ?s ex:service ?x }",
        "SELECT * { ?s <http://e/#SERVICE> ?o }",
        "SELECT * { _:service ?p ?o }",
        'SELECT * { ?s ?p "x"@load }',
        "SELECT * { ?s ex:a.service ?o }",
    ],
)
def test_words_that_are_not_keywords(text):
    assert not uses_network(text)


words = st.sampled_from(["SERVICE", "service", "LOAD", "Load", "select", "{", "}", "<http://x/>"])


@given(st.lists(words, max_size=8), st.sampled_from(['"', "'", '"""', "'''", "#"]))
def test_keywords_inside_strings_and_comments_never_count(tokens, quote):
    inner = " ".join(tokens).replace("\\", "")
    if quote == "#":
        text = f"SELECT * {{ ?s ?p ?o }} #{inner}\n"
    else:
        inner = inner.replace(quote[0], "")
        text = f"SELECT * {{ ?s ?p {quote}{inner}{quote} }}"
    assert not uses_network(text)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * {}", "SELECT"),
        ("  ask {}", "ASK"),
        ("PREFIX construct: <http://x/select#> DESCRIBE <http://x/>", "DESCRIBE"),
        ("# SELECT\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("BASE <http://ask/> PREFIX : <http://e/> SELECT ?ask { ?ask :construct ?o }", "SELECT"),
        ("INSERT DATA {}", None),
    ],
)
def test_query_form(text, form):
    assert query_form(text) == form


def test_update_sent_as_query():
    assert looks_like_update("INSERT DATA { <a:b> <a:c> 1 }")
    assert not looks_like_update("SELECT * { ?s ?p ?o }")


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("ASK {}", 1),
        ("ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }", 5002),
        ("ASK " + "{" * 3000 + "}" * 3000, 3000),
        ('SELECT * { ?s ?p "((((((((" } # ((((((((', 1),
        ("SELECT * { ?s ?p <http://e/((((((> }", 1),
        ("SELECT * { << << <a:a> <a:b> <a:c> >> <a:b> <a:c> >> ?p ?o }", 3),
    ],
)
def test_nesting_depth_is_read_from_tokens(text, depth):
    assert nesting_depth(text) == depth
