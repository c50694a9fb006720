"""Reading dumps from disk: find them, decode them, never change them."""
from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import charset_normalizer

from .model import Dump

# A dump larger than this is refused with a clear message rather than read into memory.
MAX_DUMP_BYTES = 64 * 1024 * 1024
# A text dump's line longer than this is refused: no paragraph of news is, and the text stages' time grows
# with it. Markup and data formats (HTML, JSON, XML, e-mail) may have lines of any length.
MAX_LINE_CHARS = 200_000
MAX_SNIFF_BYTES = 256 * 1024  # what the encoding of a dump that is not UTF-8 is judged from


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


def folder_problem(folder: Path) -> str | None:
    """Why `folder` is no folder of dumps to read (one line), or None when it is one."""
    if not folder.exists():
        return f"the dumps folder {folder} does not exist"
    if not folder.is_dir():
        return f"the dumps folder {folder} is a file, not a folder"
    if not os.access(folder, os.R_OK | os.X_OK):
        return f"the dumps folder {folder} cannot be read (permission denied)"
    return None


def find_dumps(folder: Path) -> list[Path]:
    """Every file below `folder`, sorted, skipping hidden files and folders (.git, .DS_Store...)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def decode(data: bytes, name: str) -> str:
    """Bytes to text: a BOM wins, then UTF-8, then UTF-16 without BOM, then the encoding charset-normalizer
    finds most plausible (cp1252 when it finds none). Binary data is refused; stray NUL bytes in text are
    kept here (read_dump removes them and says so)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                          (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:4096]
    if b"\x00" in head:
        rest = head.replace(b"\x00", b"")
        # UTF-16 without a BOM has a NUL in every other byte of ASCII text
        if head.count(b"\x00") * 3 > len(head) and not _looks_binary(rest):
            even_nuls = head[0::2].count(0) > head[1::2].count(0)
            return data.decode("utf-16-be" if even_nuls else "utf-16-le", errors="replace")
        if head.count(b"\x00") * 10 > len(head) or _looks_binary(rest):
            raise DumpError(name, "binary file, not a text or HTML dump")
    elif _looks_binary(head):
        raise DumpError(name, "binary file, not a text or HTML dump")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # not UTF-8: the encoding whose reading of the bytes is most plausible text (cp1251, Shift_JIS, latin-1...)
    best = charset_normalizer.from_bytes(data[:MAX_SNIFF_BYTES]).best()
    return data.decode(best.encoding if best else "cp1252", errors="replace")


def _looks_binary(head: bytes) -> bool:
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and control / len(head) > 0.05


def read_dump(path: Path, folder: Path) -> Dump:
    """Read one dump (read-only) into a Dump with normalised newlines. Only regular files inside `folder`
    are read: a symbolic link may point to another dump, not elsewhere on the machine."""
    name = path.relative_to(folder).as_posix()
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise DumpError(name, "a symbolic link to nothing (its target is gone)") from None
    if not real.is_relative_to(folder.resolve()):
        raise DumpError(name, f"a symbolic link to {real}, outside the dumps folder: not read")
    try:
        info = real.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DumpError(name, "not a regular file (a pipe, socket or device): not read")
        if info.st_size > MAX_DUMP_BYTES:
            raise DumpError(name, f"{info.st_size:,} bytes is over the {MAX_DUMP_BYTES:,}-byte limit for one dump")
        with open(real, "rb") as f:
            data = f.read(MAX_DUMP_BYTES + 1)
    except OSError as e:
        raise DumpError(name, f"cannot be read ({e.strerror or e})") from None
    if not data:
        raise DumpError(name, "empty file (0 bytes): nothing to ingest")
    text = decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    warnings = ()
    if "\x00" in text:
        first = text.count("\n", 0, text.index("\x00")) + 1
        warnings = (f"{text.count(chr(0))} NUL bytes removed (the first on line {first})",)
        text = text.replace("\x00", "")
    if not text.strip():
        raise DumpError(name, "only whitespace: nothing to ingest")
    return Dump(name=name, text=text, warnings=warnings)


def overlong_line(dump: Dump) -> DumpError | None:
    """The error for a text dump with a line over MAX_LINE_CHARS, naming the first such line."""
    if len(dump.text) <= MAX_LINE_CHARS:
        return None
    for n, line in enumerate(dump.lines, 1):
        if len(line) > MAX_LINE_CHARS:
            return DumpError(dump.name, f"{len(line):,} characters in one line, over the {MAX_LINE_CHARS:,} a "
                             "text dump's line may have (not a dump of news text?)", line=n)
    return None
