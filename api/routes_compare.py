"""Measure alignment and side-by-side comparison routes, and the comparison as plain text.

``/documents/{doc}/alignment`` (named query ``measure_alignment``),
``/documents/{doc}/measures/{n}/fate`` (``measure_fate``) and ``/compare?a=…&b=…``
(:mod:`graph.compare`, the same answer ``policykg compare A B`` prints).
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import PlainTextResponse, Response

from api import models
from api.errors import ApiError
from api.examples import json_example
from api.rest import named
from api.shape import doc_id, typed
from api.state import Service, ServiceState
from graph.compare import DocumentRows, UnknownDocument, build_comparison, comparison_csv
from ontology import terms

DocId = Annotated[
    str,
    Path(
        description="Document id (the slug of its IRI, e.g. zhen-zhengbanfa-2014-85).",
        pattern=r"^[\w.~%-]+$",
        examples=["zhen-zhengbanfa-2014-85"],
    ),
]
_ZJ = "https://w3id.org/policykg/doc/zhen-zhengbanfa-2014-85"
_JS = "https://w3id.org/policykg/doc/su-zhengbanfa-2012-123"
_CQO_LOW = {
    "measure": _ZJ + "/measure/26",
    "path": "二.(六).5",
    "sentence": "在省级以上名牌企业,推行“首席质量官”制度,推进现代企业制度建设。",
}
_CQO_HIGH = {
    "measure": _JS + "/measure/5",
    "path": "二.(二).1",
    "sentence": "推行“首席质量官”制度。制定出台推行首席质量官制度的实施意见,……(省质监局牵头,省经济和信息化委参加)",
}
#: documented answers (real rows of the seed corpus, shortened)
ALIGNMENT_EXAMPLE = {
    "doc": _ZJ,
    "id": "zhen-zhengbanfa-2014-85",
    "against": [
        {
            "higherDoc": _JS,
            "higherId": "su-zhengbanfa-2012-123",
            "higherTitle": "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
            "carriedOut": [
                {
                    "kind": "adapted",
                    "score": 0.4077,
                    "textScore": 0.4077,
                    "measure": _CQO_LOW,
                    "higherMeasure": _CQO_HIGH,
                }
            ],
            "added": [
                {
                    "measure": _ZJ + "/measure/9",
                    "path": "二.(三).2",
                    "sentence": "重大研发平台建设。……",
                }
            ],
            "notTakenUp": [
                {
                    "measure": _JS + "/measure/13",
                    "path": "二.(三).5",
                    "sentence": "开展产品伤害监测研究。……",
                }
            ],
            "counts": {"copied": 0, "adapted": 1, "added": 1, "notTakenUp": 1},
        }
    ],
    "query": "/queries/measure_alignment",
}
FATE_EXAMPLE = {
    "measure": _JS + "/measure/5",
    "path": "二.(二).1",
    "sentence": _CQO_HIGH["sentence"],
    "carriedOutBy": [
        {
            "kind": "adapted",
            "score": 0.4077,
            "lowerDoc": _ZJ,
            "lowerTitle": "镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知",
            "level": "city",
            "measure": _CQO_LOW,
        }
    ],
    "notTakenUpBy": [
        {
            "lowerDoc": "https://w3id.org/policykg/doc/jia-zhengfa-2016-7",
            "lowerTitle": "嘉泽镇2016年质量强镇工作的实施意见",
            "level": "town",
        }
    ],
    "query": "/queries/measure_fate",
}
COMPARE_EXAMPLE = {
    "a": {
        "doc": _JS,
        "title": "省政府办公厅关于印发江苏省贯彻实施质量发展纲要2012年行动计划的通知",
        "number": "苏政办发〔2012〕123号",
        "level": "province",
        "region": "江苏省",
        "year": 2012,
    },
    "b": {
        "doc": _ZJ,
        "title": "镇江市人民政府办公室关于印发2014年镇江市质量强市行动计划的通知",
        "number": "镇政办发〔2014〕85号",
        "level": "city",
        "region": "镇江市",
        "year": 2014,
    },
    "relation": "b follows a",
    "measures": [{"kind": "adapted", "score": 0.4077, "a": _CQO_HIGH, "b": _CQO_LOW}],
    "targets": [
        {
            "concept": "https://w3id.org/policykg/concept/indicator/jiangsu-famous-brand",
            "indicator": "江苏名牌产品数",
            "change": "cut",
            "a": {
                "indicator": "江苏名牌",
                "value": 900.0,
                "valueMax": None,
                "unit": "个",
                "comparator": ">=",
                "year": 2012,
                "sentence": "……力争全年发展900个江苏名牌,……",
            },
            "b": {
                "indicator": "江苏名牌",
                "value": 138.0,
                "valueMax": None,
                "unit": "个",
                "comparator": ">=",
                "year": 2014,
                "sentence": "……",
            },
        }
    ],
    "agencies": {"kept": ["财政厅"], "lost": ["质量技术监督局"], "gained": ["有关部门（泛指）"]},
    "references": {
        "both": [
            {
                "document": "https://w3id.org/policykg/doc/t-b1dc4a7b4296",
                "title": "质量发展纲要(2011-2020年)",
                "number": None,
                "relation": "ensures_implementation_of",
            }
        ],
        "onlyA": [],
        "onlyB": [],
    },
}


DocParam = Annotated[str, Query(pattern=r"^[\w.~%:/-]+$", description="Document id or IRI.")]


def _side(row: dict[str, Any], prefix: str) -> dict[str, Any]:
    return {
        "measure": row.get(prefix + "Measure" if prefix else "measure"),
        "path": row.get(prefix + "Path" if prefix else "path"),
        "sentence": row.get(prefix + "Sentence" if prefix else "sentence"),
    }


def group_alignment(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``measure_alignment`` rows grouped per higher document: links, added, not taken up."""
    groups: dict[str, dict[str, Any]] = {}
    for raw in rows:
        row = typed(raw)
        higher = row["higherDoc"]
        group = groups.setdefault(
            higher,
            {
                "higherDoc": higher,
                "higherId": doc_id(higher),
                "higherTitle": row.get("higherTitle"),
                "carriedOut": [],
                "added": [],
                "notTakenUp": [],
            },
        )
        if row["kind"] in terms.ALIGNMENT_KINDS:
            group["carriedOut"].append(
                {
                    "kind": row["kind"],
                    "score": row.get("score"),
                    "textScore": row.get("textScore"),
                    "measure": _side(row, ""),
                    "higherMeasure": _side(row, "higher"),
                }
            )
        elif row["kind"] == "added":
            group["added"].append(_side(row, ""))
        else:
            group["notTakenUp"].append(_side(row, "higher"))
    for group in groups.values():
        group["counts"] = {
            "copied": sum(1 for x in group["carriedOut"] if x["kind"] == "copied"),
            "adapted": sum(1 for x in group["carriedOut"] if x["kind"] == "adapted"),
            "added": len(group["added"]),
            "notTakenUp": len(group["notTakenUp"]),
        }
    return list(groups.values())


async def comparison_rows(state: ServiceState, doc: str, other: str) -> DocumentRows:
    async def run(name: str, **params: Any) -> list[dict[str, Any]]:
        return (await named(state, name, **params)).rows

    return DocumentRows(
        doc=doc,
        detail=await run("document_detail", doc=doc),
        measures=await run("compare_measures", doc=doc),
        targets=await run("document_targets", doc=doc),
        references=await run("references_out", doc=doc),
        alignment=await run("measure_alignment", doc=doc, higher=other),
    )


def make_compare_router() -> APIRouter:
    """The alignment and comparison routes."""
    router = APIRouter(tags=["alignment"])

    @router.get(
        "/documents/{doc}/alignment",
        response_model=models.Alignment,
        summary="How a document's measures carry out those of the documents it follows",
        description="Per higher document: the measures copied or adapted (score, both "
        "sentences), the measures added, and the higher measures not taken up (named query "
        "`measure_alignment`).",
        responses={**json_example(ALIGNMENT_EXAMPLE), 404: {"description": "No such document."}},
    )
    async def get_alignment(
        doc: DocId,
        state: Service,
        higher: Annotated[str | None, Query(description="Only against this document.")] = None,
    ) -> dict[str, Any]:
        if not (await named(state, "document_detail", doc=doc)).rows:
            raise ApiError(404, "no such document", {"id": doc})
        rows = (await named(state, "measure_alignment", doc=doc, higher=higher)).rows
        return {
            "doc": terms.DOC_BASE + doc,
            "id": doc,
            "against": group_alignment(rows),
            "query": "/queries/measure_alignment",
        }

    @router.get(
        "/documents/{doc}/measures/{n}/fate",
        response_model=models.MeasureFate,
        summary="The fate of one measure in every lower document that follows its document",
        description="Where the measure was copied or adapted, with the lower measure's "
        "sentence and score, and which lower documents did not take it up (named query "
        "`measure_fate`).",
        responses={**json_example(FATE_EXAMPLE), 404: {"description": "No such measure."}},
    )
    async def get_fate(
        doc: DocId,
        n: Annotated[int, Path(ge=1, description="The measure's number in its document.")],
        state: Service,
    ) -> dict[str, Any]:
        measure = f"{terms.DOC_BASE}{doc}/measure/{n}"
        detail = (await named(state, "compare_measures", doc=doc)).rows
        own = [r for r in detail if r["measure"] == measure]
        if not own:
            raise ApiError(404, "no such measure", {"measure": measure})
        rows = [typed(r) for r in (await named(state, "measure_fate", measure=measure)).rows]
        return {
            "measure": measure,
            "path": own[0].get("path"),
            "sentence": own[0].get("sentence"),
            "carriedOutBy": [
                {
                    "kind": r["kind"],
                    "score": r.get("score"),
                    "lowerDoc": r["lowerDoc"],
                    "lowerTitle": r.get("lowerTitle"),
                    "level": r.get("level"),
                    "measure": _side(r, "lower"),
                }
                for r in rows
                if r["kind"] in terms.ALIGNMENT_KINDS
            ],
            "notTakenUpBy": [
                {
                    "lowerDoc": r["lowerDoc"],
                    "lowerTitle": r.get("lowerTitle"),
                    "level": r.get("level"),
                }
                for r in rows
                if r["kind"] == "not_taken_up"
            ],
            "query": "/queries/measure_fate",
        }

    @router.get(
        "/compare",
        summary="Two documents side by side",
        description="Aligned measures in rows (stored alignment when one follows the other, "
        "computed on request for peers), targets per indicator (raised / cut / kept / dropped / "
        "added), agencies that gained or lost ownership, and the references each makes. "
        "`format=text` gives the 80-column table `policykg compare` prints; `format=csv` one "
        "row per measure pair, target, agency and reference (UTF-8 with a byte-order mark, so "
        "a spreadsheet reads the Chinese), as `policykg compare --csv` writes.",
        responses={
            200: {
                "content": {
                    "application/json": {"example": COMPARE_EXAMPLE},
                    "text/plain": {
                        "example": "A  省政府办公厅关于印发江苏省贯彻实施质量发展纲要…\n"
                    },
                    "text/csv": {
                        "example": "\ufeffsection,kind,score,item,a_path,a_value,a_year,a_text,b_path,…\r\n"
                    },
                }
            },
            404: {"description": "No such document."},
        },
        response_model=models.Comparison,
    )
    async def get_compare(
        a: DocParam,
        b: DocParam,
        state: Service,
        format: Annotated[str, Query(pattern="^(json|text|csv)$")] = "json",
    ) -> dict[str, Any] | Response:
        try:
            comparison = build_comparison(
                await comparison_rows(state, a, b), await comparison_rows(state, b, a)
            )
        except UnknownDocument as exc:
            raise ApiError(404, "no such document", {"a": a, "b": b}) from exc
        if format == "text":
            return PlainTextResponse(comparison_text(comparison))
        if format == "csv":
            name = f"compare-{doc_id(str(comparison['a']['doc']))}-{doc_id(str(comparison['b']['doc']))}"
            return Response(
                "\ufeff" + comparison_csv(comparison),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
            )
        return comparison

    return router


# --- the comparison as text, 80 columns (CJK characters take two) -----------------------------


def width(text: str) -> int:
    """Display width: wide and full-width characters count two.

    >>> width("质量ab")
    6
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str | None, columns: int) -> str:
    """The text cut to ``columns`` display columns (… marks a cut), padded with spaces.

    >>> clip("推行首席质量官制度", 10)
    '推行首席… '
    """
    text = (text or "").replace("\n", " ")
    if width(text) <= columns:
        return text + " " * (columns - width(text))
    out, used = "", 0
    for char in text:
        w = width(char)
        if used + w > columns - 1:
            break
        out, used = out + char, used + w
    out += "…"
    return out + " " * (columns - width(out))


def _value(side: dict[str, Any] | None) -> str:
    if side is None:
        return "–"
    value = side.get("value")
    number = "?" if value is None else f"{value:g}"
    unit = side.get("unit") or ""
    year = f" ({side['year']})" if side.get("year") else ""
    return f"{number}{unit}{year}"


def comparison_text(c: dict[str, Any], columns: int = 80) -> str:
    """The comparison as a plain-text report no wider than ``columns``."""
    lines: list[str] = []
    for key in ("a", "b"):
        d = c[key]
        where = ", ".join(str(x) for x in (d.get("level"), d.get("region"), d.get("year")) if x)
        lines.append(clip(f"{key.upper()}  {d.get('title') or d['doc']}", columns).rstrip())
        lines.append(
            clip(f"   {d.get('number') or ''} ({where}) {doc_id(d['doc'])}", columns).rstrip()
        )
    lines.append(f"relation: {c['relation']}")
    lines.append("")
    kinds: dict[str, int] = {}
    for row in c["measures"]:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
    lines.append("MEASURES  " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    half = (columns - 16) // 2
    lines.append(f"{'kind':<9}{'score':>5}  {clip('A', half - 1)} {clip('B', half)}".rstrip())
    for row in c["measures"]:
        score = f"{row['score']:.2f}" if row.get("score") is not None else ""
        left = row["a"] and f"{row['a']['path']} {row['a']['sentence']}"
        right = row["b"] and f"{row['b']['path']} {row['b']['sentence']}"
        lines.append(
            f"{clip(row['kind'], 9)}{score:>5}  {clip(left, half - 1)} {clip(right, half)}".rstrip()
        )
    lines.append("")
    lines.append("TARGETS")
    for t in c["targets"]:
        lines.append(
            f"{clip(t['change'], 15)}{clip(t.get('indicator'), 32)} "
            f"{clip(_value(t['a']), 15)} {clip(_value(t['b']), 15)}".rstrip()
        )
    lines.append("")
    lines.append("AGENCIES OWNING MEASURES (by type)")
    for key in ("kept", "lost", "gained"):
        lines.extend(_wrapped(f"{key}: ", "、".join(c["agencies"][key]) or "–", columns))
    lines.append("")
    lines.append("REFERENCES")
    for key, label in (("both", "both"), ("onlyA", "A only"), ("onlyB", "B only")):
        for ref in c["references"][key]:
            title, number = ref.get("title") or "", ref.get("number") or ""
            text = title if number in title else f"{title} {number}".strip()
            lines.append(
                clip(f"{label:<7}{ref.get('relation') or '':<26} {text}", columns).rstrip()
            )
    return "\n".join(lines) + "\n"


def _wrapped(head: str, text: str, columns: int) -> list[str]:
    lines, line = [], head
    for char in text:
        if width(line + char) > columns:
            lines.append(line)
            line = " " * len(head)
        line += char
    lines.append(line)
    return lines
