"""Refusing an oversize upload before it is read: a small ASGI middleware.

FastAPI parses a multipart body (spooling it to disk) before the route runs, so the route's
own size check would come after a 1 GB upload was already read. This middleware answers
413 from the ``Content-Length`` header alone, and stops a body sent without one (chunked)
as soon as it grows past the limit.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_body

# Multipart framing (boundaries, part headers) on top of the file itself.
MULTIPART_SLACK = 64 * 1024


class BodyTooLarge(Exception):
    """The request body grew past the limit while being read."""


class UploadLimit:
    """Answer 413 to ``POST``/``PUT`` bodies on ``paths`` larger than ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int, paths: tuple[str, ...] = ("/documents",)):
        self.app = app
        self.limit = limit + MULTIPART_SLACK
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT"):
            await self.app(scope, receive, send)
            return
        if scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _refuse(send, self.limit)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.app(scope, counted, watched_send)
        except BodyTooLarge:
            if not started:
                await _refuse(send, self.limit)


async def _refuse(send: Send, limit: int) -> None:
    body: Any = error_body(413, "file too large", {"max_bytes": limit - MULTIPART_SLACK})
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
