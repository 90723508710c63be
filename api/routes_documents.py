"""``/documents``: the list, one document with its facts, its text, upload and delete."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from api import admin, examples, models, search
from api.errors import ApiError
from api.rest import Limit, Offset, named
from api.shape import doc_id, group_measures, paged, typed, with_evidence
from api.state import Service
from ontology import terms

DocId = Annotated[
    str,
    Path(
        description="Document id (the slug of its IRI, e.g. su-zhengbanfa-2012-123).",
        pattern=r"^[\w.~%-]+$",
        examples=["su-zhengbanfa-2012-123"],
    ),
]
LEVELS = "national, province, city, county, district, town, unknown"


def _slug(doc: str) -> str:
    """The id as the document's IRI spells it: the server decodes a path, but IRIs keep
    non-ASCII ids percent-encoded (``…/doc/%E6%9D%8E…``), so encode them back.

    >>> _slug("李质强发-2015-45"), _slug("su-zhengbanfa-2012-123")
    ('%E6%9D%8E%E8%B4%A8%E5%BC%BA%E5%8F%91-2015-45', 'su-zhengbanfa-2012-123')
    """
    return quote(doc, safe="%~.-_")


def _document_row(row: dict[str, Any]) -> dict[str, Any]:
    out = typed(row)
    out["id"] = doc_id(row.get("doc"))
    return out


def make_documents_router() -> APIRouter:
    """The ``/documents`` routes."""
    router = APIRouter(tags=["documents"])

    @router.get(
        "/documents",
        response_model=models.DocumentPage,
        summary="List the policy documents",
        description="Loaded documents, oldest first, filtered and paginated "
        "(named query `document_list`). `region` includes the regions inside it; `total` "
        "counts every match, `more` how many follow the page.",
        responses={200: {"content": {"application/json": {"example": examples.DOCUMENTS}}}},
    )
    async def list_documents(
        state: Service,
        level: Annotated[str | None, Query(description=f"Administrative level: {LEVELS}.")] = None,
        region: Annotated[
            str | None, Query(description="Region IRI or GB/T 2260 code, e.g. 320000.")
        ] = None,
        year: Annotated[
            int | None, Query(ge=1900, le=2100, description="Year the document was issued.")
        ] = None,
        type: Annotated[
            str | None, Query(description="Document type as written, e.g. 通知, 实施意见.")
        ] = None,
        in_force: Annotated[
            bool | None, Query(description="true: in force; false: repealed or expired.")
        ] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        answer = await named(
            state,
            "document_list",
            limit=limit,
            offset=offset,
            level=level,
            region=region,
            year=year,
            type=type,
            inForce=None if in_force is None else str(in_force).lower(),
        )
        items = [_document_row(row) for row in answer.rows]
        return paged(answer, items, limit=limit, offset=offset, query="document_list")

    @router.get(
        "/documents/{doc}",
        response_model=models.Document,
        summary="One document with its measures, targets and references",
        description="Metadata (`document_detail`), sections (`document_sections`), "
        "measures with their agencies "
        "(`document_measures`), targets (`document_targets`), references out and in "
        "(`references_out`, `references_in`) and the implementation chain up to the national "
        "level (`chain_up`). Every fact carries its evidence.",
        responses={
            200: {"content": {"application/json": {"example": examples.DOCUMENT}}},
            404: {"description": "No such document."},
        },
    )
    async def get_document(doc: DocId, state: Service) -> dict[str, Any]:
        doc = _slug(doc)
        detail = (await named(state, "document_detail", doc=doc)).rows
        if not detail:
            raise ApiError(404, "no such document", {"id": doc})
        out = _document_row(detail[0])
        measures = await named(state, "document_measures", doc=doc)
        targets = await named(state, "document_targets", doc=doc)
        refs_out = await named(state, "references_out", doc=doc)
        refs_in = await named(state, "references_in", doc=doc)
        chain = await named(state, "chain_up", doc=doc)
        sections = await named(state, "document_sections", doc=doc)
        out["sections"] = sections.rows
        out["measures"] = group_measures(measures.rows)
        out["targets"] = [with_evidence(row) for row in targets.rows]
        out["referencesOut"] = [with_evidence(row) for row in refs_out.rows]
        out["referencesIn"] = [with_evidence(row) for row in refs_in.rows]
        out["chainUp"] = [with_evidence(row) for row in chain.rows]
        out["text"] = f"/documents/{doc}/text"
        return out

    @router.get(
        "/documents/{doc}/text",
        response_model=models.DocumentText,
        summary="The cleaned text of a document with the offsets of every extracted fact",
        description="Every `start`/`end` in the API is a character offset into this text "
        "(named query `document_text`).",
        responses={
            200: {"content": {"application/json": {"example": examples.DOCUMENT_TEXT}}},
            404: {"description": "No such document, or its text is not loaded."},
        },
    )
    async def get_document_text(doc: DocId, state: Service) -> dict[str, Any]:
        doc = _slug(doc)
        rows = (await named(state, "document_text", doc=doc)).rows
        if not rows:
            raise ApiError(404, "no such document", {"id": doc})
        measures = await named(state, "document_measures", doc=doc)
        targets = await named(state, "document_targets", doc=doc)
        refs = await named(state, "references_out", doc=doc)
        facts: list[dict[str, Any]] = []
        for m in group_measures(measures.rows):
            facts.append(
                {
                    "kind": "measure",
                    "id": m["measure"],
                    "label": m["heading"],
                    "start": m["start"],
                    "end": m["end"],
                }
            )
            for a in m["agencies"]:
                ev = a["evidence"] or {}
                facts.append(
                    {
                        "kind": f"agency:{a['role']}",
                        "id": a["agency"],
                        "label": a["label"],
                        "start": ev.get("start"),
                        "end": ev.get("end"),
                    }
                )
        for row in targets.rows:
            t = typed(row)
            facts.append(
                {
                    "kind": "target",
                    "id": t["target"],
                    "label": t.get("indicator"),
                    "start": t.get("start"),
                    "end": t.get("end"),
                }
            )
        for row in refs.rows:
            r = typed(row)
            facts.append(
                {
                    "kind": f"reference:{r.get('relation')}",
                    "id": r.get("ref"),
                    "label": r.get("writtenTitle") or r.get("writtenNumber"),
                    "start": r.get("start"),
                    "end": r.get("end"),
                }
            )
        facts.sort(key=lambda f: (f["start"] is None, f["start"] or 0, f["kind"]))
        text = rows[0]
        return {
            "doc": text["doc"],
            "id": doc,
            "title": text.get("title"),
            "text": text["text"],
            "facts": facts,
        }

    @router.post(
        "/documents",
        response_model=models.Uploaded,
        status_code=201,
        summary="Upload a document (admin token)",
        description="Multipart field `file`: a .txt, .html, .docx or .pdf policy document. "
        "It is extracted, checked and loaded in one step; if it is rejected or the load "
        "fails, the store is left exactly as it was. Needs `Authorization: Bearer <token>`.",
        responses={
            201: {"content": {"application/json": {"example": examples.UPLOADED}}},
            401: {
                "description": "No or wrong admin token (a `WWW-Authenticate: Bearer` challenge)."
            },
            403: {"description": "The server has no admin token configured: it is read-only."},
            409: {"description": "A document with the same identity is loaded; `replace=true`."},
            413: {"description": "File larger than POLICYKG_MAX_UPLOAD_BYTES."},
            422: {"description": "The file was rejected; `detail` names the reason."},
        },
    )
    async def upload_document(
        request: Request,
        file: UploadFile,
        state: Service,
        replace: Annotated[
            bool,
            Query(
                description="Replace a loaded document with the same identity (文号, else "
                "title and region); without it such an upload answers 409."
            ),
        ] = False,
    ) -> JSONResponse:
        from dataclasses import replace as with_fields

        state.check_admin(request, "uploading documents")
        limit = state.settings.max_upload_bytes
        data = await file.read(limit + 1)
        if len(data) > limit:
            raise ApiError(413, "file too large", {"max_bytes": limit})
        filename = file.filename or "upload.txt"
        timeout = state.settings.query_timeout
        record = await admin.read_upload(state.executor, data, filename, limit, timeout)
        source = admin.upload_source(filename, record.source.sha256)
        record = with_fields(record, source=with_fields(record.source, path=source))
        summary = await state.write(lambda: search.load_one(state.store, record, replace=replace))
        return JSONResponse(
            {"ok": True, **summary, "url": f"/documents/{summary['id']}"},
            status_code=201,
            headers={"Location": f"/documents/{summary['id']}"},
        )

    @router.delete(
        "/documents/{doc}",
        response_model=models.Deleted,
        summary="Delete a document (admin token)",
        description="Drops the document's graph and recomputes the links between documents. "
        "Needs `Authorization: Bearer <token>`.",
        responses={
            200: {"content": {"application/json": {"example": examples.DELETED}}},
            401: {
                "description": "No or wrong admin token (a `WWW-Authenticate: Bearer` challenge)."
            },
            403: {"description": "The server has no admin token configured: it is read-only."},
            404: {"description": "No such document."},
        },
    )
    async def delete_document(doc: DocId, request: Request, state: Service) -> dict[str, Any]:
        state.check_admin(request, "deleting documents")
        iri = terms.DOC_BASE + doc
        summary = await state.write(lambda: search.delete_one(state.store, iri))
        return {"ok": True, **summary}

    return router
