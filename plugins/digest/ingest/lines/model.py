"""The line model at run time: a dump's lines -> the probability that each is article text.

Two gradient-boosted stages (LightGBM, trained by train.py): the first reads each line's own features
(features.py) and wording (words.py: the log-odds of its words, learned with the model and stored in its
file); the second adds what the first thought of its neighbours, so a line inside a run of article
lines is read as such, and a stray prose-like line among furniture is not.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import words
from .features import NAMES as SHAPE_NAMES, best_run, features

NAMES = SHAPE_NAMES + words.NAMES  # stage one's columns

MODEL_FILE = Path(__file__).with_name("line-model.json")
MODEL_VARIABLE = "DIGEST_LINE_MODEL"  # another trained model to use (train.py --out), e.g. to measure one
ARTICLE = 0.5  # a line rated at least this likely is article text
WINDOW = (-3, -2, -1, 1, 2, 3)
CONTEXT_NAMES = tuple(f"p@{k:+d}" for k in WINDOW) + ("p_mean5", "p_mean10", "p_max3", "p_dump", "in_run",
                                                      "before_run", "after_run")


def context_features(p: np.ndarray) -> np.ndarray:
    """Stage-one probabilities around each line, and where the line stands to the longest article run."""
    n = len(p)
    padded = np.concatenate([np.full(10, -1.0), p, np.full(10, -1.0)])
    cols = [padded[10 + k: 10 + k + n] for k in WINDOW]
    cumsum = np.concatenate([[0.0], np.cumsum(p)])
    for width in (5, 10):
        lo = np.clip(np.arange(n) - width, 0, n)
        hi = np.clip(np.arange(n) + width + 1, 0, n)
        cols.append((cumsum[hi] - cumsum[lo]) / np.maximum(1, hi - lo))
    cols.append(np.max([padded[10 + k: 10 + k + n] for k in (-3, -2, -1, 0, 1, 2, 3)], axis=0))
    cols.append(np.full(n, p.mean() if n else 0.0))
    start, end = best_run(p - 0.5)
    index = np.arange(n)
    cols += [((index >= start) & (index < end)).astype(float), np.maximum(0, start - index),
             np.maximum(0, index - end + 1)]
    return np.column_stack(cols) if n else np.zeros((0, len(CONTEXT_NAMES)))


def line_matrix(shape: np.ndarray, token_lines: list[list[str]], odds: dict[str, float]) -> np.ndarray:
    """Stage one's input: each line's shape features and its wording's columns."""
    return np.hstack([shape, words.columns(token_lines, odds)])


def save(models, path: Path) -> None:
    first, second, odds = models
    write_model(path, {"features": list(NAMES), "context": list(CONTEXT_NAMES),
                       "first": first.model_to_string(), "second": second.model_to_string(), "words": odds})


def write_model(path: Path, data: dict) -> None:
    """A trained model's file: JSON with sorted keys, so the same training gives the same bytes."""
    path.write_text(json.dumps(data, sort_keys=True) + "\n", encoding="utf-8")


def read_model(path: Path, columns: dict[str, tuple[str, ...]], trainer: str) -> dict:
    """A trained model's file, refused when it names other columns than `columns` (a model trained before
    the features changed)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if any(tuple(data[key]) != names for key, names in columns.items()):
        raise RuntimeError(f"{path} was trained on other features: retrain it (python -m {trainer})")
    return data


def model_file() -> Path:
    return Path(os.environ.get(MODEL_VARIABLE) or MODEL_FILE)


@lru_cache(maxsize=2)
def _load(path: Path):
    import lightgbm as lgb
    data = read_model(path, {"features": NAMES, "context": CONTEXT_NAMES}, "digest.ingest.lines.train")
    return lgb.Booster(model_str=data["first"]), lgb.Booster(model_str=data["second"]), data["words"]


def article_probabilities(lines: list[str]) -> tuple[np.ndarray, list[int]]:
    """For each non-blank line of `lines` (their indexes are returned too), how likely it is article text."""
    shape, index = features(lines)
    if not index:
        return np.zeros(0), index
    first, second, odds = _load(model_file())
    base = line_matrix(shape, [words.tokens(lines[i]) for i in index], odds)
    p1 = first.predict(base, num_threads=1)
    return second.predict(np.hstack([base, context_features(p1)]), num_threads=1), index


@lru_cache(maxsize=8)
def line_probabilities(lines: tuple[str, ...]) -> dict[int, float]:
    """article_probabilities by line index, kept for the last few dumps: format detection and parsing
    both ask."""
    probs, index = article_probabilities(list(lines))
    return dict(zip(index, probs.tolist()))
