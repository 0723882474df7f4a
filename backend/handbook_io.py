"""Import and export the handbook as a folder of Markdown files.

    python -m backend handbook import DIR [--author NAME]
    python -m backend handbook export DIR

A file is Markdown with an optional header::

    ---
    title: Ajanvaraus lastenneuvolaan
    area: Lastenneuvola/Ajanvaraus      # default: the file's folder
    kind: page                          # or quick_reply
    queues: [neuvola]
    ---

The id is the file name without ``.md``. Imported text is untrusted: it is stored as
written and rendered on the desktop without HTML, scripts or remote images; a relative
image next to the file is embedded as a ``data:`` URI (at most ``MAX_IMAGE_BYTES``).
"""

from __future__ import annotations

import base64
import mimetypes
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import frontmatter

from backend.store.handbook import HandbookStore, PageDraft

MAX_IMAGE_BYTES = 300 * 1024
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_SLUG = re.compile(r"[^a-z0-9_-]+")


def slug(name: str) -> str:
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e"})
    return _SLUG.sub("-", name.lower().translate(table)).strip("-")[:64] or "sivu"


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    problems: list[str]


def _embed_images(body: str, folder: Path, problems: list[str], source: str) -> str:
    def replace(match: re.Match[str]) -> str:
        alt, target = match.group(1), match.group(2)
        if re.match(r"^[a-z]+:", target):
            return match.group(0)  # remote or data: left as is; the desktop loads no remote
        path = (folder / target).resolve()
        if not path.is_file() or folder.resolve() not in path.parents:
            problems.append(f"{source}: image {target} not found next to the file")
            return match.group(0)
        data = path.read_bytes()
        if len(data) > MAX_IMAGE_BYTES:
            problems.append(f"{source}: image {target} is over {MAX_IMAGE_BYTES // 1024} KB")
            return match.group(0)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind not in ("image/png", "image/jpeg", "image/gif"):
            problems.append(f"{source}: image {target} is not PNG, JPEG or GIF")
            return match.group(0)
        return f"![{alt}](data:{kind};base64,{base64.b64encode(data).decode()})"

    return _IMAGE.sub(replace, body)


def read_folder(root: Path) -> tuple[list[PageDraft], list[str]]:
    drafts: list[PageDraft] = []
    problems: list[str] = []
    for path in sorted(root.rglob("*.md")):
        source = str(path.relative_to(root))
        try:
            post = frontmatter.loads(path.read_text("utf-8"))
        except Exception as exc:  # a broken header: report, import the rest
            problems.append(f"{source}: unreadable header: {exc}")
            continue
        meta = post.metadata
        body = _embed_images(post.content, path.parent, problems, source)
        heading = re.search(r"^#\s+(.+)$", body, re.M)
        title = str(meta.get("title") or (heading.group(1) if heading else path.stem))
        area = str(meta.get("area") or path.parent.relative_to(root).as_posix().strip("."))
        kind = "quick_reply" if meta.get("kind") == "quick_reply" else "page"
        raw_queues = meta.get("queues") or []
        if isinstance(raw_queues, str):
            queues = [q.strip() for q in raw_queues.split(",")]
        elif isinstance(raw_queues, list):
            queues = [str(q) for q in raw_queues]
        else:
            problems.append(f"{source}: queues must be a list")
            queues = []
        lang = str(meta.get("lang") or "")
        if lang not in ("", "fi", "sv", "en"):
            problems.append(f"{source}: lang must be fi, sv or en (or left out)")
            lang = ""
        drafts.append(
            PageDraft(
                slug(path.stem), kind, area or "Yleiset", title[:200], body, ",".join(queues), lang
            )
        )
    return drafts, problems


async def import_folder(store: HandbookStore, root: Path, author: str) -> ImportResult:
    drafts, problems = read_folder(root)
    created = updated = unchanged = 0
    now = datetime.now(UTC)
    for draft in drafts:
        current = await store.page(draft.id)
        if current is not None and (
            current.kind,
            current.area,
            current.title,
            current.body,
            current.queues,
            current.lang,
        ) == (draft.kind, draft.area, draft.title, draft.body, draft.queues, draft.lang):
            unchanged += 1
            continue
        base = 0 if current is None else current.version
        await store.save(draft, base, author, "imported", False, now)
        if current is None:
            created += 1
        else:
            updated += 1
    return ImportResult(created, updated, unchanged, problems)


async def export_folder(store: HandbookStore, root: Path) -> int:
    count = 0
    for page in await store.pages():
        folder = root.joinpath(*[part for part in page.area.split("/") if part])
        folder.mkdir(parents=True, exist_ok=True)
        post = frontmatter.Post(
            page.body,
            title=page.title,
            area=page.area,
            kind=page.kind,
            queues=[q for q in page.queues.split(",") if q],
        )
        if page.lang:
            post["lang"] = page.lang
        (folder / f"{page.id}.md").write_text(frontmatter.dumps(post) + "\n", "utf-8")
        count += 1
    return count
