"""org:subOrganizationOf / org:hasSubOrganization where the text states the relation.

The seed plans set up leading groups whose office the text places in an agency:
"领导小组办公室设在县市场监管局" (county template), "领导小组下设办公室,办公室设在质监分局"
(district plan), "办公室设在镇经发科" (Jiaze town). Each office is a sub-organisation of its
group; the Jiangsu and Zhenjiang plans set up no group with an office, and no agency is made
part of another from its name alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.reasoning import reason
from tests.api.conftest import seed_store
from tests.api.helpers import sparql_bindings

PREFIXES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="module")
def reasoned_client(seed_records: list[Any]) -> Iterator[TestClient]:
    """The seed corpus loaded and reasoned over, as ``policykg load`` leaves it."""
    store = seed_store(seed_records)
    reason(store)
    with TestClient(create_app(Settings(store="memory:"), store)) as client:
        yield client


OFFICES = (
    PREFIXES
    + """SELECT ?group ?office ?label ?host WHERE {
  ?office org:subOrganizationOf ?group ; skos:prefLabel ?label .
  ?group org:hasSubOrganization ?office ; pkg:officeHostedBy ?host .
  ?office a org:Organization . ?group a org:Organization .
} ORDER BY ?label"""
)


def test_each_office_the_text_places_is_part_of_its_group(reasoned_client) -> None:
    rows = sparql_bindings(reasoned_client.get("/sparql", params={"query": OFFICES}))
    assert [row["label"] for row in rows] == [
        "质量兴区工作领导小组办公室",
        "质量强县活动领导小组办公室",
        "质量强镇与打假工作领导小组办公室",
    ]
    for row in rows:
        assert row["office"] == row["group"] + "/office"


def test_sub_organisations_come_only_from_stated_offices(reasoned_client) -> None:
    query = PREFIXES + (
        "SELECT ?part ?whole WHERE { ?part org:subOrganizationOf ?whole "
        "FILTER NOT EXISTS { ?part a pkg:GroupOffice } }"
    )
    assert sparql_bindings(reasoned_client.get("/sparql", params={"query": query})) == []
    inverse = PREFIXES + (
        "SELECT (COUNT(*) AS ?n) WHERE { ?whole org:hasSubOrganization ?part "
        "FILTER NOT EXISTS { ?part org:subOrganizationOf ?whole } }"
    )
    rows = sparql_bindings(reasoned_client.get("/sparql", params={"query": inverse}))
    assert rows == [{"n": "0"}]
