"""Security headers on every answer: a small ASGI middleware.

``Content-Security-Policy`` lets a page run scripts and load styles, fonts, images and data
only from this server: the views (vis-network), the query page (YASGUI) and ``/docs``
(Swagger UI) are all served from ``/static``, so nothing else is needed, and a label that
somehow reached a page as markup could not run a script nor send anything elsewhere.
Inline scripts are not allowed; a page that needs one (Swagger UI's start-up call) sends
its own policy with that script's hash, and this middleware leaves it in place.

Inline *styles* are allowed (``'unsafe-inline'`` in ``style-src``): the views colour their
legend with ``style`` attributes and the search page carries a ``<style>`` block, and a style
cannot run code or reach another origin under ``default-src 'self'``.

``X-Content-Type-Options: nosniff`` stops a browser from running an answer as a type it was
not sent as (a ``text/plain`` SPARQL result as a script); ``Referrer-Policy`` keeps query
texts in URLs from leaking to other sites.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: the policy every answer carries unless its route sent a stricter one of its own
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        # blob: is the page's own memory: the charts' SVG/PNG export draws through it
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)


def policy_with_script_hashes(*hashes: str) -> str:
    """:data:`CONTENT_SECURITY_POLICY` that also runs the inline scripts of these hashes
    (``sha256-…``, base64), for a page whose vendor markup carries one.

    >>> "script-src 'self' 'sha256-abc='" in policy_with_script_hashes("sha256-abc=")
    True
    """
    allowed = " ".join(f"'{digest}'" for digest in hashes)
    return CONTENT_SECURITY_POLICY.replace("script-src 'self'", f"script-src 'self' {allowed}")


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every HTTP answer (pages, API, static files, errors),
    keeping a header the route already set."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(item for item in SECURITY_HEADERS if item[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
