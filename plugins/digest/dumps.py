"""Reading dumps from disk: find them, decode them, never change them."""
from __future__ import annotations

import codecs
import os
from pathlib import Path

from .model import Dump

# A dump larger than this is refused with a clear message rather than read into memory.
MAX_DUMP_BYTES = 64 * 1024 * 1024


class DumpError(Exception):
    """A dump that cannot be ingested. The message names the file (and the line, when there is one)."""

    def __init__(self, name: str, reason: str, line: int | None = None):
        self.name, self.reason, self.line = name, reason, line
        where = f"{name}:{line}" if line else name
        super().__init__(f"{where}: {reason}")

    @property
    def detail(self) -> str:
        """The problem without the file name (the report is already per file)."""
        return f"line {self.line}: {self.reason}" if self.line else self.reason


def find_dumps(folder: Path) -> list[Path]:
    """Every file below `folder`, sorted, skipping hidden files and folders (.git, .DS_Store...)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def decode(data: bytes, name: str) -> str:
    """Bytes to text: a BOM wins, then UTF-8, then UTF-16 without BOM, then cp1252 (a superset of
    latin-1 in practice). Binary data is refused."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:4096]
    if b"\x00" in head:
        # UTF-16 without a BOM has a NUL in every other byte of ASCII text
        if head.count(b"\x00") * 3 > len(head) and not _looks_binary(head.replace(b"\x00", b"")):
            even_nuls = head[0::2].count(0) > head[1::2].count(0)
            return data.decode("utf-16-be" if even_nuls else "utf-16-le", errors="replace")
        raise DumpError(name, "binary file, not a text or HTML dump")
    if _looks_binary(head):
        raise DumpError(name, "binary file, not a text or HTML dump")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _looks_binary(head: bytes) -> bool:
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and control / len(head) > 0.05


def read_dump(path: Path, folder: Path) -> Dump:
    """Read one dump (read-only) into a Dump with normalised newlines."""
    name = path.relative_to(folder).as_posix()
    stat = path.stat()
    if stat.st_size > MAX_DUMP_BYTES:
        raise DumpError(name, f"{stat.st_size:,} bytes is over the {MAX_DUMP_BYTES:,}-byte limit for one dump")
    with open(path, "rb") as f:
        data = f.read()
    text = decode(data, name).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return Dump(name=name, text=text, mtime=stat.st_mtime)
