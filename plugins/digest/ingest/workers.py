"""Spreading the ingest's per-dump and per-story work over the machine's cores (DIGEST_JOBS).

    run_all(fn, items, jobs, **shared) -> [fn(item, **shared) for item in items]

Parsing, cleaning and tagging are pure functions of one dump or one story, so they run in worker
processes (threads would queue on the interpreter lock); `shared` (the zone, the taxonomy, the build's
boilerplate) goes to each worker once, not with every item. Results come back in the items' order, so a
build gives the same posts with any number of jobs.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

MIN_ITEMS_PER_JOB = 8   # below this a worker's start-up costs more than it saves
CHUNKS_PER_JOB = 4      # items go out in a few chunks per worker: little pickling overhead, even load

_shared: dict = {}


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_all(fn, items: list, jobs: int, **shared) -> list:
    jobs = min(jobs, len(items) // MIN_ITEMS_PER_JOB)
    if jobs <= 1:
        return [fn(item, **shared) for item in items]
    # fork shares the loaded code with the workers at no cost; elsewhere each worker imports it
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    chunk = max(1, len(items) // (jobs * CHUNKS_PER_JOB))
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_share, initargs=(shared,)) as pool:
        return list(pool.map(_apply, [fn] * len(items), items, chunksize=chunk))


def _share(shared: dict) -> None:
    _shared.update(shared)


def _apply(fn, item):
    return fn(item, **_shared)
