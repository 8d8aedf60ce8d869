"""A career center's settings: its contact block, logo and colours, checked all at once.

Settings live in ``center.yml`` (or ``mkdocs.yml``): the name is ``site_name``, the logo
``theme.logo``, the colours ``theme.palette`` (palette.py), the footer ``copyright``; the contact
block and extra pages are the plugin's ``center`` option.
Every mistake comes back naming the file, the field, what was expected and what was received.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problems, choices, shown
from .palette import check_palette

OPTION = "plugins.sendorskip.center"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL = re.compile(r"^(https?://[^\s]+|/[^\s]*|\.{0,2}/?[\w./-]+)$")
# A host name where a path was expected: "northfield.example/book", "www.northfield.example".
_HOST_FIRST = re.compile(r"^(www\.[\w-]+\.|[\w-]+(\.[\w-]+)+/)")


@dataclass(frozen=True)
class Advisor:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Contact:
    heading: str
    text: str = ""
    advisors: tuple[Advisor, ...] = ()
    booking_url: str = ""
    email: str = ""


def _text(p: Problems, path: str, value: Any) -> str:
    if isinstance(value, str) and value.strip():
        return value.strip()
    p.add(path, f"expected text; got {shown(value)}.")
    return ""


def _email(p: Problems, path: str, value: Any) -> str:
    if isinstance(value, str) and EMAIL.match(value) and not value.lower().startswith("mailto:"):
        return value
    # The page writes the link itself: "mailto:" given too would make it "mailto:mailto:…".
    hint = ' (leave out "mailto:")' if str(value).lower().startswith("mailto:") else ""
    p.add(path, f"expected an email address like careers@example.edu{hint}; got {shown(value)}.")
    return ""


def _keys(p: Problems, path: str, raw: Mapping[str, Any], valid: tuple[str, ...]) -> None:
    for key in raw:
        if key not in valid:
            p.add(f"{path}.{key}", f"unknown setting; valid settings: {choices(valid)}.")


def _advisor(p: Problems, path: str, raw: Any) -> Advisor | None:
    if not isinstance(raw, dict):
        p.add(path, f"expected name, role, email and phone of one advisor; got {shown(raw)}.")
        return None
    _keys(p, path, raw, ("name", "role", "email", "phone"))
    if "name" not in raw:
        p.add(f"{path}.name", "required: the advisor's name.")
    return Advisor(
        name=_text(p, f"{path}.name", raw["name"]) if "name" in raw else "",
        role=_text(p, f"{path}.role", raw["role"]) if "role" in raw else "",
        email=_email(p, f"{path}.email", raw["email"]) if "email" in raw else "",
        phone=_text(p, f"{path}.phone", raw["phone"]) if "phone" in raw else "",
    )


def read_contact(file: str, raw: Any, site_name: str, problems: list[str]) -> Contact | None:
    """The ``center`` option: ``{contact: {heading?, text?, advisors?, booking_url?, email?}}``."""
    p = Problems(file)
    if not raw:
        return None
    if not isinstance(raw, dict):
        p.add(OPTION, f"expected settings (contact: ...); got {shown(raw)}.")
        problems.extend(p.problems)
        return None
    _keys(p, OPTION, raw, ("contact", "pages"))
    if "contact" not in raw:
        problems.extend(p.problems)
        return None
    contact = raw.get("contact")
    path = f"{OPTION}.contact"
    if not isinstance(contact, dict):
        p.add(
            path, f"expected heading, text, advisors, booking_url and email; got {shown(contact)}."
        )
        problems.extend(p.problems)
        return None
    _keys(p, path, contact, ("heading", "text", "advisors", "booking_url", "email"))
    advisors_raw = contact.get("advisors", [])
    if not isinstance(advisors_raw, list):
        p.add(
            f"{path}.advisors",
            f"expected a list of advisors (each with a name); got {shown(advisors_raw)}.",
        )
        advisors_raw = []
    advisors = [_advisor(p, f"{path}.advisors[{i}]", a) for i, a in enumerate(advisors_raw)]
    booking = contact.get("booking_url", "")
    if booking and not (isinstance(booking, str) and URL.match(booking)):
        p.add(
            f"{path}.booking_url",
            f"expected a web address like https://example.edu/book; got {shown(booking)}.",
        )
    elif isinstance(booking, str) and _HOST_FIRST.match(booking):
        # Read as a path inside the site, it would be a broken link.
        p.add(
            f"{path}.booking_url",
            f"expected a web address like https://example.edu/book; got {shown(booking)}"
            f" (did you mean 'https://{booking}'?).",
        )
    result = Contact(
        heading=_text(p, f"{path}.heading", contact["heading"])
        if "heading" in contact
        else f"Talk to {site_name}",
        text=_text(p, f"{path}.text", contact["text"]) if "text" in contact else "",
        advisors=tuple(a for a in advisors if a),
        booking_url=booking if isinstance(booking, str) else "",
        email=_email(p, f"{path}.email", contact["email"]) if "email" in contact else "",
    )
    problems.extend(p.problems)
    return None if p.problems else result


def check_theme(
    file: str, theme: Mapping[str, Any], docs_dir: Path, problems: list[str], warnings: list[str]
) -> None:
    """The branding Material reads from ``theme``: a logo and a favicon that exist (in the
    docs, or the theme's own), colours it knows."""
    p = Problems(file)
    folders = [docs_dir, *(Path(d) for d in getattr(theme, "dirs", ()))]
    for key in ("logo", "favicon"):
        path = theme.get(key)
        if path and not any((folder / str(path)).is_file() for folder in folders):
            # Written from the site's folder ("docs/center/logo.svg"): say how to write it.
            inside = str(path).removeprefix(f"{docs_dir.name}/")
            hint = (
                f" (paths are from {docs_dir.name}/: write {inside})"
                if inside != str(path) and (docs_dir / inside).is_file()
                else ""
            )
            p.add(
                f"theme.{key}",
                f"file not found: expected it in {docs_dir.name}/ as {path}; got no such"
                f" file{hint}.",
            )
    problems.extend(p.problems)
    check_palette(file, theme.get("palette") or [], problems, warnings)


def read_pages(file: str, raw: Any, docs_dir: Path, problems: list[str]) -> list[Any]:
    """``center.pages``: ``[{Title: page.md}]``, added to the end of the inherited menu."""
    p = Problems(file)
    path = f"{OPTION}.pages"
    if not isinstance(raw, list):
        p.add(path, f"expected a list of '- Title: page.md'; got {shown(raw)}.")
        raw = []
    pages = []
    for i, entry in enumerate(raw):
        if not (isinstance(entry, dict) and len(entry) == 1):
            p.add(f"{path}[{i}]", f"expected 'Title: page.md'; got {shown(entry)}.")
            continue
        ((title, page),) = entry.items()
        if not (isinstance(page, str) and (docs_dir / page).is_file()):
            p.add(
                f"{path}[{i}]",
                f"file not found: expected a page in {docs_dir.name}/; got {shown(page)}.",
            )
            continue
        pages.append({str(title): page})
    problems.extend(p.problems)
    return pages


def contact_html(contact: Contact) -> str:
    """The contact block: escaped here, since a center's settings are text, not markup."""
    e = html.escape
    parts = [
        f'<aside class="sos-contact" aria-label="{e(contact.heading)}">',
        f"<h2>{e(contact.heading)}</h2>",
    ]
    if contact.text:
        parts.append(f"<p>{e(contact.text)}</p>")
    if contact.advisors:
        parts.append("<ul>")
        for a in contact.advisors:
            bits = [f"<strong>{e(a.name)}</strong>"] + ([e(a.role)] if a.role else [])
            if a.email:
                bits.append(f'<a href="mailto:{e(a.email)}">{e(a.email)}</a>')
            if a.phone:
                bits.append(e(a.phone))
            parts.append(f"<li>{', '.join(bits)}</li>")
        parts.append("</ul>")
    links = []
    if contact.booking_url:
        links.append(f'<a href="{e(contact.booking_url)}">Book an appointment</a>')
    if contact.email:
        links.append(f'<a href="mailto:{e(contact.email)}">{e(contact.email)}</a>')
    if links:
        parts.append(f"<p>{' · '.join(links)}</p>")
    parts.append("</aside>")
    return "\n".join(parts)
