"""The handbook as Markdown files: import and export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backend.settings import Settings


async def handbook(settings: Settings, args: argparse.Namespace) -> int:

    from backend.handbook_io import export_folder, import_folder
    from backend.store.handbook import HandbookStore
    from backend.store.migrate import upgrade
    from backend.store.repository import Store

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    store = Store(settings.database_url)
    folder = Path(args.folder)
    try:
        guides = HandbookStore(store)
        if args.action == "export":
            count = await export_folder(guides, folder)
            print(f"exported {count} pages to {folder}")
            return 0
        if not folder.is_dir():
            print(f"handbook import: {folder} is not a folder", file=sys.stderr)
            return 2
        result = await import_folder(guides, folder, args.author)
    finally:
        await store.close()
    print(f"imported: {result.created} new, {result.updated} changed, {result.unchanged} unchanged")
    for problem in result.problems:
        print(f"  warning: {problem}", file=sys.stderr)
    return 0
