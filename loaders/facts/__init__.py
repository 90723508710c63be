"""Facts in a policy document: its region and level, measures with agencies, targets, groups.

:func:`extract_facts` is the one entry point the loaders pipeline calls, after cleaning, metadata
and sections. It works on any :class:`~loaders.record.PolicyDocument`, so a record built by hand
from a bare text works too (sections then come from a minimal fallback outline).

>>> from loaders.record import PolicyDocument, Source
>>> doc = PolicyDocument(source=Source("x.txt", "0" * 64, "txt", "utf-8"),
...                      text="二、工作任务\\n1.建立质量奖励制度。(省质监局负责)\\n",
...                      issuers=["江苏省人民政府办公厅"])
>>> extract_facts(doc)
>>> (doc.region, doc.level, doc.measures[0].responsible[0].name)
('江苏省', 'province', '江苏省质量技术监督局')
"""

from __future__ import annotations

from loaders.facts.outline import outline
from loaders.facts.task_tables import extract_task_tables
from loaders.groups import extract_groups
from loaders.measures import extract_measures
from loaders.record import PolicyDocument
from loaders.regions import DocContext, infer_context
from loaders.targets import extract_targets


def document_context(doc: PolicyDocument) -> DocContext:
    """The region, level and plan year a document speaks from, inferred from its own words."""
    return infer_context(
        issuers=doc.issuers,
        title=doc.title,
        plan_title=doc.plan_title,
        doc_number=doc.doc_number,
        text=doc.text,
    )


def extract_facts(doc: PolicyDocument) -> None:
    """Fill ``doc.measures``, ``doc.targets``, ``doc.groups`` and the region fields in place."""
    ctx = document_context(doc)
    if ctx.region is not None or ctx.level != "unknown" or doc.region is None:
        doc.region = ctx.region
        doc.region_code = ctx.region_code
        if ctx.level != "unknown" or doc.level in (None, ""):
            doc.level = ctx.level
    sections = doc.sections or outline(doc.text)
    doc.measures = extract_measures(doc.text, sections, ctx) + extract_task_tables(doc.text, ctx)
    issued = doc.issued or doc.published
    issued_year = int(issued[:4]) if issued and issued[:4].isdigit() else None
    doc.targets = extract_targets(doc.text, ctx, issued_year)
    doc.groups = extract_groups(doc.text, ctx)


__all__ = ["document_context", "extract_facts"]
