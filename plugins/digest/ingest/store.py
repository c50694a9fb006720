"""A table of keys and values in an SQLite file (the standard library's sqlite3): what the plugin keeps
between builds. Each value is read and written by its key, so a build never loads or rewrites a whole
file, and two builds that run at once are safe: SQLite locks each write, and a reader only ever sees
whole writes. A file that is no database (damaged, or something else) is started afresh: a store only
holds what a build can make again, or do without.

Three tables use it: the ingest's stage results (cache.py) and the story pages' keys (site/pagecache.py)
in the cache folder, and the last ingest's facts about its posts folder (ledger.py) in that folder.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

WAIT = 60  # seconds a write waits for another build's to finish


class Store:
    """`get`, `put` and `delete` by key; `replace` swaps the whole table in one transaction (the ledger);
    `touch` and `forget_unused` keep the table to what recent builds used. Values are bytes or text."""

    def __init__(self, path: Path, table: str, wal: bool = True):
        self.path, self.table = path, table
        self.db = _open(path, table, wal)

    def get(self, key: str):
        row = self.db.execute(f"SELECT value FROM {self.table} WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value) -> None:
        self.db.execute(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?, ?)", (key, value, time.time()))

    def delete(self, key: str) -> None:
        self.db.execute(f"DELETE FROM {self.table} WHERE key = ?", (key,))

    def items(self) -> dict:
        return dict(self.db.execute(f"SELECT key, value FROM {self.table}"))

    def replace(self, items: dict) -> None:
        now = time.time()
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(f"DELETE FROM {self.table}")
            self.db.executemany(f"INSERT INTO {self.table} VALUES (?, ?, ?)", ((k, v, now) for k, v in items.items()))

    def touch(self, keys: Iterable[str]) -> None:
        """Mark `keys` used now (what a build read without writing it again)."""
        now = time.time()
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(f"UPDATE {self.table} SET used = ? WHERE key = ?", ((now, k) for k in keys))

    def forget_unused(self, since: float) -> None:
        """Remove what no build has used since `since` (a time.time())."""
        self.db.execute(f"DELETE FROM {self.table} WHERE used < ?", (since,))

    def close(self) -> None:
        self.db.close()


def _open(path: Path, table: str, wal: bool) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connect(path, table, wal)
    except sqlite3.DatabaseError:  # no database: begin again
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
        return _connect(path, table, wal)


def _connect(path: Path, table: str, wal: bool) -> sqlite3.Connection:
    # autocommit (isolation_level=None): each write is its own short transaction unless one is begun
    db = sqlite3.connect(path, timeout=WAIT, isolation_level=None)
    try:
        if wal:  # readers and a writer at once; NORMAL: no sync per commit (a cache may lose its last writes)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                   "used REAL NOT NULL)")
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db
