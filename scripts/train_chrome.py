#!/usr/bin/env python3
"""Fit the chrome scorer's weights (``qa/data/chrome_weights.json``) on the DEV halves only.

Examples, each a line in the article it sits in (its cues depend on its neighbours and position):

- the dev half of the labelled line set (``benchmarks/data/chrome/lines.jsonl``): each line inserted
  into its NTREX host article exactly as ``benchmarks/chrome.py`` inserts it; the chrome line is a
  positive, a prose near-miss a negative, and the host article's own lines are negatives;
- the dev half of the real pages (``../shared/bench/chrome/scrapinghub_aeb.jsonl``, halves as
  ``benchmarks/chrome.py`` makes them): chrome blocks positive, article blocks negative, ambiguous
  blocks left out.

The test halves are never read. The fit is an L2-regularised logistic regression solved by Newton's
method (numpy, deterministic: the same data gives the same weights to the last digit printed). The
thresholds are chosen on the dev lines the rules leave alone, scored OUT OF FOLD (``--folds``
cross-validation by page, labelled line and host article, folds by SHA-256 of the name): each line's
probability comes from weights fitted without its own page, so a threshold is not set at the edge of
the fitted data's own noise. The major threshold keeps the out-of-fold false-alarm rate of each source
(real-page article lines, near-misses, host lines) at or under ``--major-fa``, the minor one under
``--minor-fa`` (a line between the two is reported at minor; equal budgets leave no minor band). The
budgets are small on purpose: out of fold, the lines scoring 0.85-0.96 on real pages are mostly
article lines (offers, calls inside the article, reference lists), so the scorer speaks only where it
is nearly sure.

    python scripts/train_chrome.py [--bench ../shared/bench] [--l2 1.0] [--out qa/data/chrome_weights.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from chrome import MAJOR, MIN_HOST_LINES, THRESHOLDS, Article, host_for, insert, line_hits, ntrex_documents, page_article, split_pages  # noqa: E402
from chrome_lines import LINES, default_bench  # noqa: E402

from qa.boilerplate import rule_hits, scored_lines  # noqa: E402
from qa.chrome_model import FEATURES, WEIGHTS, reportable  # noqa: E402
from qa.text import Text  # noqa: E402

Example = tuple[dict[str, float], int, bool, str, str]  # cues, label, covered by a rule, where it came from, group


def article_rows(lines: list[str]) -> list[tuple[dict[str, float], bool]]:
    text = Text("\n".join(lines))
    rows = scored_lines(text, rule_hits(text, ()))
    assert len(rows) == len([ln for ln in lines if ln.strip()])
    return [(feats, covered) for _, feats, covered in rows]


def _index_of_nonblank(lines: list[str], at: int) -> int:
    return sum(1 for ln in lines[:at] if ln.strip())


def labelled_examples(bench: Path, lines_path: Path) -> list[Example]:
    records = [json.loads(x) for x in lines_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    records = [r for r in records if r["split"] == "dev"]
    docs, line_ids = ntrex_documents(bench)
    hosts = [d for d in docs if len(d[1]) >= MIN_HOST_LINES]
    out: list[Example] = []
    used: dict[str, list[str]] = {}
    for r in records:
        host_id, host = host_for(r, hosts, line_ids)
        used[host_id] = host
        article, at = insert(host, r["text"], r["position"])
        rows = article_rows(article.lines)
        feats, covered = rows[_index_of_nonblank(article.lines, at)]
        out.append((feats, int(r["label"] == "chrome"), covered, f"lines:{r['kind']}:{r['label']}", f"line:{r['id']}"))
    for host_id in sorted(used):
        for feats, covered in article_rows(used[host_id]):
            if not feats["first_line"]:  # the headline: the scorer never reports the first line
                out.append((feats, 0, covered, "host", f"host:{host_id}"))
    return out


def dev_pages(bench: Path) -> list[tuple[dict, list[dict]]]:
    """The real pages the scorer learns from, each with its article blocks: the dev half, in English, with
    a body annotation of good recall and an article (the test half is never read)."""
    path = bench / "chrome" / "scrapinghub_aeb.jsonl"
    pages = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    halves = split_pages(pages)
    out = []
    for p in pages:
        if halves[p["id"]] != "dev" or p["lang"] != "en" or p.get("gold_recall", 1.0) < 0.8:
            continue
        blocks = page_article(p)
        if blocks:
            out.append((p, blocks))
    return out


def page_examples(bench: Path) -> list[Example]:
    out: list[Example] = []
    for p, blocks in dev_pages(bench):
        rows = article_rows([b["text"] for b in blocks])
        kept = [b for b in blocks if b["text"].strip()]
        for b, (feats, covered) in zip(kept, rows):
            if not b["ambiguous"]:
                out.append((feats, int(b["chrome"]), covered, "page", f"page:{p['id']}"))
    return out


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float, iterations: int = 50) -> np.ndarray:
    """Weighted L2 logistic regression by Newton's method; the bias (last column) is not penalised."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w * (p - y)) + penalty * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return beta


def fold_of(group: str, folds: int) -> int:
    """A group's fold, by the SHA-256 of its name (deterministic, independent of the order of the data)."""
    return int(hashlib.sha256(group.encode("utf-8")).hexdigest(), 16) % folds


def out_of_fold(x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: list[str], folds: int, l2: float) -> np.ndarray:
    """Each example's probability under weights fitted on the other folds (a page, a labelled line and a
    host article each stay whole in one fold, so a page's own lines never train the weights that score it)."""
    fold = np.array([fold_of(g, folds) for g in groups])
    probs = np.zeros(len(y))
    for k in range(folds):
        held = fold == k
        beta = fit(x[~held], y[~held], w[~held], l2)
        probs[held] = 1.0 / (1.0 + np.exp(-np.clip(x[held] @ beta, -30, 30)))
    return probs


def threshold(probs: np.ndarray, max_rate: float, floor: float) -> float:
    """The lowest probability threshold at which at most ``max_rate`` of these negatives score at or above it."""
    ordered = np.sort(probs)[::-1]
    allowed = int(np.floor(max_rate * len(ordered)))
    t = ordered[allowed] + 1e-6 if allowed < len(ordered) else 0.0
    return float(max(t, floor))


def train(examples: list[Example], l2: float, major_fa: float, minor_fa: float, folds: int, salt: str = "") -> dict:
    """The weights (fitted on every example) and the thresholds (chosen on out-of-fold probabilities), as the
    weights file holds them."""
    x = np.array([[e[0][k] for k in FEATURES] + [1.0] for e in examples])
    y = np.array([e[1] for e in examples], dtype=float)
    # each source weighs as much as the other: thousands of host lines must not drown the pages
    sources = [e[3].split(":")[0] for e in examples]
    totals = {s: sources.count(s) for s in set(sources)}
    w = np.array([len(examples) / (len(totals) * totals[s]) for s in sources])
    beta = fit(x, y, w, l2)
    # the thresholds are chosen on out-of-fold probabilities: each page (or labelled line, or host article)
    # scored by weights fitted without it, so they are not set at the edge of dev's own noise
    probs = out_of_fold(x, y, w, [salt + e[4] for e in examples], folds, l2)

    # the scorer speaks on lines no rule reported and its gate lets through; a line it may not report
    # counts as a line it does not flag (the budget is a rate per article line, as the benchmark counts it)
    free = np.array([not e[2] for e in examples])
    probs = np.where([reportable(e[0]) for e in examples], probs, 0.0)
    negatives = probs[free & (y == 0)]
    src = np.array(sources)

    def budget(rate: float) -> float:
        """The threshold that keeps every source's false alarms (page lines, near-misses, host lines) in budget."""
        return max(threshold(probs[free & (y == 0) & (src == s)], rate, 0.5) for s in sorted(totals))

    major = budget(major_fa)
    minor = min(major, budget(minor_fa))

    report = {}
    for name, t in (("major", major), ("minor", minor)):
        pos = free & (y == 1)
        report[name] = {
            "threshold": round(t, 4),
            "new_chrome_found": int(np.sum(probs[pos] >= t)), "chrome_left_by_rules": int(np.sum(pos)),
            "false_alarms": int(np.sum(negatives >= t)), "negatives_left_by_rules": int(len(negatives)),
            "by_source": {s: {"found": int(np.sum(probs[pos & (src == s)] >= t)),
                              "false_alarms": int(np.sum(probs[free & (y == 0) & (src == s)] >= t))}
                          for s in sorted(totals)},
        }
    weights = {k: round(float(b), 6) for k, b in zip(FEATURES, beta[:-1])}
    return {
        "about": "Chrome scorer weights: L2 logistic regression on the dev halves only (scripts/train_chrome.py). "
                 "A line's probability is 1/(1+exp(-(bias + sum(weight x cue)))).",
        "provenance": "Fitted on the dev halves of benchmarks/data/chrome/lines.jsonl (chrome lines written for this "
                      "project; prose near-misses and host articles from NTREX-128, CC BY-SA 4.0, WMT 2020 MQM and "
                      "DEMETR) and of ../shared/bench/chrome/scrapinghub_aeb.jsonl (Scrapinghub article-extraction "
                      "benchmark, MIT). The test halves are never read.",
        "trained_on": {"examples": len(examples), "positives": int(y.sum()),
                       "by_source": {s: totals[s] for s in sorted(totals)}, "l2": l2,
                       "folds": folds, "major_fa": major_fa, "minor_fa": minor_fa},
        "dev_fit": report,
        "bias": round(float(beta[-1]), 6),
        "threshold_major": round(major, 4),
        "threshold_minor": round(minor, 4),
        "weights": weights,
    }


def cross_validate_pages(bench: Path, examples: list[Example], args: argparse.Namespace) -> str:
    """Out-of-fold figures on the dev pages, through the whole checker: the dev pages fall into ``--cv`` folds
    by the SHA-256 of their id; for each fold the scorer is trained (weights, and thresholds by an inner
    cross-validation) without that fold's pages, and the fold's pages are then checked by qa with those
    weights. Recall of chrome blocks and false alarms (article lines with a chrome or any major+ finding),
    as ``benchmarks/chrome.py`` counts them. Only the dev half is read."""
    import qa
    from qa import chrome_model
    from qa.parallel import check_documents

    dev = dev_pages(bench)
    original = chrome_model.model
    chrome, clean = [], []  # (chrome rank, any rank) of each scored block
    try:
        for k in range(args.cv):
            held = {p["id"] for p, _ in dev if fold_of("cv:" + p["id"], args.cv) == k}
            train_on = [e for e in examples if not (e[4].startswith("page:") and e[4][5:] in held)]
            data = train(train_on, args.l2, args.major_fa, args.minor_fa, args.folds, salt=f"inner{k}:")
            m = chrome_model.Model(data["bias"], data["weights"], data["threshold_major"], data["threshold_minor"])
            chrome_model.model = lambda m=m: m
            fold_pages = [(p, blocks) for p, blocks in dev if p["id"] in held]
            articles = [Article([b["text"] for b in blocks]) for _, blocks in fold_pages]
            docs = (qa.Document(id=p["id"], target=a.text) for (p, _), a in zip(fold_pages, articles))
            for (p, blocks), a, result in zip(fold_pages, articles, check_documents(docs, qa.Config(), 1)):
                hits = line_hits(a, result)
                for i, b in enumerate(blocks):
                    if b["ambiguous"]:
                        continue
                    row = (hits.chrome_rank.get(i, -1), hits.any_rank.get(i, -1))
                    (chrome if b["chrome"] else clean).append(row)
    finally:
        chrome_model.model = original
    out = [f"out-of-fold over {len(dev)} dev pages ({args.cv} folds by page; scorer budgets major {args.major_fa}, "
           f"minor {args.minor_fa}): {len(chrome)} chrome blocks, {len(clean)} article lines"]
    for name, rank in THRESHOLDS:
        found = sum(c >= rank for c, _ in chrome)
        alarms = sum(c >= rank or a >= MAJOR for c, a in clean)
        out.append(f"  {name:7s} recall {found / len(chrome):.3f} ({found}/{len(chrome)})  "
                   f"false alarms (chrome at {name} or any major+) {alarms / len(clean):.4f} ({alarms}/{len(clean)})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=default_bench())
    parser.add_argument("--lines", type=Path, default=LINES)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--major-fa", type=float, default=0.001,
                        help="dev false-alarm rate allowed at major, in each source")
    parser.add_argument("--minor-fa", type=float, default=0.001,
                        help="dev false-alarm rate allowed at minor, in each source (at most the major one's threshold)")
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation that sets the thresholds")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--dry-run", action="store_true", help="print the fit, do not write it")
    parser.add_argument("--cv", type=int, default=0,
                        help="instead of fitting: K-fold cross-validation by dev page through the whole checker")
    args = parser.parse_args(argv)

    examples = labelled_examples(args.bench, args.lines) + page_examples(args.bench)
    if args.cv:
        print(cross_validate_pages(args.bench, examples, args))
        return 0
    data = train(examples, args.l2, args.major_fa, args.minor_fa, args.folds)
    weights = data["weights"]
    print(json.dumps({k: v for k, v in data.items() if k != "weights"}, indent=1))
    for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {k:24s} {v:+.3f}")
    if not args.dry_run:
        args.out.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
