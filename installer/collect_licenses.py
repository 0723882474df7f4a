"""Copy the licence texts of everything the desktop bundle ships into ``DEST/licenses``.

    python installer/collect_licenses.py dist/luukku

Walks the desktop's runtime dependency tree from the installed package metadata, so a new
dependency is covered without editing this file. Writes ``THIRD-PARTY-LICENSES.txt`` (name,
version, licence) and one folder a package with its licence files.
"""

from __future__ import annotations

import re
import shutil
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOTS = ["PySide6-Essentials", "PySide6-Addons", "qasync", "websockets", "keyring", "pydantic"]
# Packages whose metadata carries no licence text, and the text they are used under here.
KNOWN_TEXTS = {
    "PySide6_Essentials": "LGPL-3.0.txt",
    "PySide6_Addons": "LGPL-3.0.txt",
    "shiboken6": "LGPL-3.0.txt",
}
LICENSE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.I)


def closure(roots: list[str]) -> list[str]:
    env = default_environment()
    seen: dict[str, str] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        seen[key] = dist.metadata["Name"]
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({**env, "extra": ""}):
                todo.append(req.name)
    return sorted(seen.values(), key=str.lower)


def main(dest: str) -> int:
    out = Path(dest) / "licenses"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    root = Path(__file__).resolve().parent.parent
    shutil.copy(root / "LICENSE", out / "LUUKKU-LICENSE.txt")
    summary = [
        "Luukku is free software under the GNU GPL, version 3 or later (LUUKKU-LICENSE.txt).",
        "It bundles the following packages, each under its own licence:",
        "",
    ]
    missing = []
    for name in closure(ROOTS):
        dist = distribution(name)
        meta = dist.metadata
        licence = meta.get("License-Expression") or meta.get("License") or ""
        if not licence or len(licence) > 80:
            classifiers = [
                c.split(" :: ")[-1]
                for c in meta.get_all("Classifier") or []
                if c.startswith("License ::")
            ]
            licence = ", ".join(classifiers) or licence[:80]
        summary.append(f"{meta['Name']} {dist.version}: {licence}")
        folder = out / f"{meta['Name']}-{dist.version}"
        copied = 0
        for file in dist.files or []:
            if LICENSE_NAME.search(file.name) and "dist-info" in str(file.parent):
                folder.mkdir(exist_ok=True)
                shutil.copy(file.locate(), folder / file.name)
                copied += 1
        known = KNOWN_TEXTS.get(meta["Name"])
        if not copied and known:
            folder.mkdir(exist_ok=True)
            shutil.copy(root / "installer" / "third_party" / known, folder / known)
            copied = 1
        if not copied:
            missing.append(meta["Name"])
    if missing:
        summary += ["", "No licence file in the package metadata (see the licence named above):"]
        summary += [f"  {name}" for name in missing]
    (out / "THIRD-PARTY-LICENSES.txt").write_text("\n".join(summary) + "\n", "utf-8")
    print(f"licences of {len(summary) - 3} packages collected into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist/luukku"))
