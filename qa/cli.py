"""Command line: argument parsing and exit codes only; the work is done by the engine and reporters.

Exit codes: 0 every document passed, 1 at least one failed, 2 usage or
input error (bad flag, unreadable file, broken corpus line, broken rule).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Sequence, TextIO

from qa import __version__
from qa.config import Config, ConfigError, find_config, load_config, parse_metrics
from qa.model import Severity
from qa.report import EXIT_ERROR, EXIT_PASSED, Report
from qa.scoring import Policy


class UsageError(Exception):
    """A mistake in how qa was called: message on stderr, exit 2, no traceback."""


def _parser() -> argparse.ArgumentParser:
    from qa.reporters import FORMATS

    parser = argparse.ArgumentParser(prog="qa", description="Quality checks for machine-translated news.")
    parser.add_argument("--version", action="version", version=f"qa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check translated articles and report findings")
    check.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="article (.txt, .html, .md, .docx), corpus (.jsonl), translation file (.xlf, .po, .tmx, .csv, .tsv), directory, or - for stdin",
    )
    check.add_argument("--source", metavar="FILE", help="the source article the target translates")
    check.add_argument("--reference", metavar="FILE", help="a human reference translation")
    check.add_argument("--back-translation", metavar="FILE", help="the target translated back into the source language")
    check.add_argument("--source-lang", metavar="LANG", help="ISO 639-1 code of the source language (sr, hr, bs, ...)")
    check.add_argument("--target-lang", metavar="LANG", help="ISO 639-1 code of the target language (default en)")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name of standard input (-): its extension gives the format, e.g. corpus.jsonl")
    check.add_argument("--columns", action="append", metavar="ROLE=NAME",
                       help="CSV/TSV column names by role (id, source, target, reference, back_translation, document), comma-separated")
    check.add_argument("--format", choices=FORMATS, default="terminal", help="output format (default terminal)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    check.add_argument("--quiet", "-q", action="store_true", help="terminal report: only failing documents and the summary")
    check.add_argument("--select", action="append", metavar="CODES", help="only these rules (codes, prefixes or names, comma-separated)")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these rules (codes, prefixes or names, comma-separated)")
    check.add_argument("--metrics", action="append", metavar="NAMES",
                       help="sacrebleu document metrics to compute against a reference: bleu, chrf, ter (comma-separated), all or none (default all)")
    check.add_argument("--fail-on", metavar="SEVERITY", help="fail a document with a finding at or above this severity (default major)")
    check.add_argument("--threshold", type=float, metavar="N", help="fail a document whose penalty per 100 words reaches N (default 5)")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline (see --write-baseline)")
    check.add_argument("--write-baseline", metavar="FILE", help="record this run's findings in FILE as the baseline; exits 0 unless an input failed")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when documents fail (input errors still exit 2)")
    check.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: the machine's cores; 1: no workers)")
    check.add_argument("--dask", metavar="ADDRESS", help="check on a Dask cluster (scheduler address); each input is one shard")
    check.add_argument("--config", metavar="FILE", help="configuration file (default: qa.toml or [tool.qa] in pyproject.toml, found upward)")
    check.add_argument("--no-config", action="store_true", help="ignore configuration files")

    score = sub.add_parser("score", help="print sacrebleu BLEU/chrF/TER only (document and corpus), with signatures")
    score.add_argument("inputs", nargs="+", metavar="INPUT", help="text file, directory, .jsonl corpus, or - for stdin")
    score.add_argument("--reference", metavar="FILE", help="the human reference (for one plain-text input)")
    score.add_argument("--source", metavar="FILE", help="the source (scores a back-translation against it)")
    score.add_argument("--back-translation", metavar="FILE", help="the target translated back into the source language")
    score.add_argument("--metrics", action="append", metavar="NAMES", help="bleu, chrf, ter (comma-separated) or all (default all)")
    score.add_argument("--format", choices=("terminal", "json"), default="terminal")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("terminal", "json"), default="terminal")

    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE", help="rule code or name, e.g. QA101")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse already printed the message
        return EXIT_ERROR if e.code not in (0, None) else EXIT_PASSED
    try:
        if args.command == "check":
            return _check(args, stdout, stderr)
        if args.command == "score":
            return _score(args, stdout, stderr)
        if args.command == "rules":
            return _rules(args, stdout)
        if args.command == "explain":
            return _explain(args, stdout)
        parser.print_help(stdout)
        return EXIT_PASSED
    except (UsageError, ConfigError, ValueError) as e:
        print(f"qa: error: {e}", file=stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("qa: interrupted", file=stderr)
        return 130
    except RuntimeError as e:
        from qa.parallel import WorkerError

        if not isinstance(e, WorkerError):
            raise
        print(f"qa: error: {e}", file=stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_PASSED


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(v.strip() for chunk in values for v in chunk.split(",") if v.strip())


def _metrics(values: list[str] | None) -> tuple[str, ...] | None:
    """``--metrics``: the chosen metrics (replacing the configuration's), or None when not given."""
    if values is None:
        return None
    try:
        return parse_metrics(list(_split(values) or ()), "--metrics")
    except ConfigError as e:
        raise UsageError(str(e)) from None


def _config(args: argparse.Namespace) -> Config:
    if args.no_config:
        base = Config()
    else:
        path = Path(args.config) if args.config else find_config()
        if args.config and not Path(args.config).is_file():
            raise UsageError(f"{args.config}: no such configuration file")
        base = load_config(path)
    policy = base.policy
    if args.fail_on is not None or args.threshold is not None:
        policy = Policy(
            fail_on=Severity.parse(args.fail_on) if args.fail_on else policy.fail_on,
            threshold=args.threshold if args.threshold is not None else policy.threshold,
        )
    columns = None
    if args.columns:
        columns = dict(base.columns)
        for item in _split(args.columns) or ():
            role, sep, name = item.partition("=")
            if not sep or not role.strip() or not name.strip():
                raise UsageError(f"--columns takes ROLE=NAME pairs, not {item!r}")
            columns[role.strip()] = name.strip()
    return base.with_overrides(
        columns=columns,
        select=_split(args.select),
        ignore=(base.ignore + _split(args.ignore)) if args.ignore else None,
        policy=policy,
        source_lang=args.source_lang,
        target_lang=args.target_lang,
        metrics=_metrics(args.metrics),
    )


def _check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from qa.baseline import Baseline, BaselineError
    from qa.engine import Engine
    from qa.io import InputError, load_documents
    from qa.parallel import check_rendered, default_jobs
    from qa.reporters import get_renderer, get_stream
    from qa.reporters.progress import Progress

    config = _config(args)
    Engine(config)  # resolves --select/--ignore now, so a bad selector is a usage error before any work
    if args.stdin_filename is not None and "-" not in args.inputs:
        raise UsageError("--stdin-filename names standard input: give - as an input")
    render = get_renderer(args.format)
    try:
        baseline = Baseline.load(args.baseline) if args.baseline else None
    except BaselineError as e:
        raise UsageError(str(e)) from None
    recorded = Baseline() if args.write_baseline else None
    baselined = 0
    if args.output:
        try:
            out: TextIO = open(args.output, "w", encoding="utf-8")
        except OSError as e:
            raise UsageError(f"{args.output}: cannot write report ({e.strerror or e})") from None
    else:
        out = stdout
    make_stream = get_stream(args.format)
    if args.format == "terminal":
        from qa.reporters.terminal import Stream as TerminalStream

        stream: Any = TerminalStream(out, quiet=args.quiet, policy=config.policy)
    else:
        stream = make_stream(out) if make_stream is not None else None
    report = Report(keep=stream is None)  # a streamed format never holds the corpus in memory
    progress = Progress(stderr)
    try:
        documents = load_documents(
            args.inputs,
            source=args.source,
            reference=args.reference,
            back_translation=args.back_translation,
            source_lang=config.source_lang,
            target_lang=config.target_lang,
            stdin_filename=args.stdin_filename,
            columns=config.columns or None,
            on_skip=lambda message: progress.log(f"qa: {message}"),
        )
        if args.dask:
            from qa.distributed import DaskUnavailable, check_on_dask

            if any(getattr(args, side) for side in ("source", "reference", "back_translation")):
                raise UsageError("--dask checks corpora (JSONL shards); give each record its sides")
            try:
                results = ((r, None) for r in check_on_dask(args.inputs, args.dask, config, config.source_lang, config.target_lang))
            except DaskUnavailable as e:
                raise UsageError(str(e)) from None
        else:
            jobs = args.jobs if args.jobs is not None else default_jobs()
            # a streamed format's text is made in the workers, unless the baseline will still change the result
            prerender = getattr(make_stream, "prerender", None) if baseline is None else None
            results = check_rendered(documents, config, jobs=jobs, prerender=prerender)
        if progress.enabled:
            from qa.io.loader import count_documents

            progress.total = count_documents(args.inputs)
        with progress:
            for result, text in results:
                doc = result.document
                if recorded is not None:
                    recorded.record(result)
                if baseline is not None:
                    result, removed = baseline.filter(result, config.policy)
                    baselined += removed
                    text = None  # made before the baseline removed findings, it would show them again
                report.add(result)
                if stream is not None:
                    stream.document(result, text)
                progress.advance(result)
                if doc.error is not None:
                    progress.log(f"qa: error: {doc.error}")
                for err in result.rule_errors:
                    progress.log(f"qa: error: rule {err.rule} failed on {doc.id}: {err.message}")
    except InputError as e:
        raise UsageError(str(e)) from None
    if baseline is not None:
        print(f"qa: {baselined} findings in the baseline not reported; {baseline.unmatched} baseline entries no longer found", file=stderr)
    if recorded is not None:
        try:
            recorded.write(args.write_baseline)
        except BaselineError as e:
            raise UsageError(str(e)) from None
        print(f"qa: wrote {len(recorded)} findings to the baseline {args.write_baseline}", file=stderr)
    if stream is not None:
        stream.finish(report)
    else:
        render(report, out)
    if out is not stdout:
        out.close()
        documents_written = f"{report.documents} document{'' if report.documents == 1 else 's'}"
        print(f"qa: wrote the {args.format} report of {documents_written} to {args.output}", file=stderr)
    return report.exit_code(exit_zero=args.exit_zero or recorded is not None)


def _score(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Metrics only: each document's and the corpus's BLEU/chrF/TER, numbers equal to sacrebleu's."""
    from qa.io import InputError, load_documents
    from qa.metrics import METRICS, corpus_metrics, document_metrics, segments

    metrics = _metrics(args.metrics) if args.metrics is not None else METRICS
    if not metrics:
        raise UsageError("--metrics none leaves qa score nothing to print: name bleu, chrf or ter")
    try:
        docs = list(
            load_documents(args.inputs, source=args.source, reference=args.reference, back_translation=args.back_translation)
        )
    except InputError as e:
        raise UsageError(str(e)) from None
    rows: list[dict[str, Any]] = []
    hyps: list[str] = []
    refs: list[str] = []
    errors = 0
    for doc in docs:
        if doc.error is not None:
            errors += 1
            print(f"qa: error: {doc.error}", file=stderr)
            rows.append({"id": doc.id, "error": doc.error, "metrics": {}})
            continue
        scores = document_metrics(doc, metrics)
        if not scores:
            print(f"qa: warning: {doc.id} has no reference (or back-translation and source) to score against", file=stderr)
        elif doc.reference is not None:
            h, r = segments(doc.target, doc.reference)
            hyps += h
            refs += r
        rows.append({"id": doc.id, "error": None, "metrics": scores})
    corpus = corpus_metrics(hyps, refs, metrics) if hyps else {}
    if args.format == "json":
        import json

        json.dump({"schema": "qa-metrics/1", "corpus": corpus, "documents": rows}, stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        from rich.console import Console
        from rich.table import Table

        names = sorted({k for row in rows for k in row["metrics"]}, key=lambda k: (k.endswith("_back"), k))
        table = Table(show_edge=False, header_style="bold")
        table.add_column("document")
        for name in names:
            table.add_column(name, justify="right")
        for row in rows:
            table.add_row(row["id"], *(f"{row['metrics'][n]['score']:.2f}" if n in row["metrics"] else "-" for n in names))
        if corpus:
            table.add_row("corpus", *(f"{corpus[n]['score']:.2f}" if n in corpus else "-" for n in names), style="bold")
        console = Console(file=stdout, highlight=False)
        if not console.is_terminal:
            console.width = 160
        console.print(table)
        signatures = corpus or next((row["metrics"] for row in rows if row["metrics"]), {})
        for name, entry in signatures.items():
            console.print(f"{name}: {entry['signature']}", markup=False)
    return EXIT_ERROR if errors else EXIT_PASSED


def _rules(args: argparse.Namespace, stdout: TextIO) -> int:
    from qa.rules import all_rules

    rules = all_rules()
    by_entry = _severities_by_entry()
    if args.format == "json":
        import json

        json.dump(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "category": r.category,
                    "severity": r.severity.value,
                    **({"severity_by_entry": by_entry[r.code]} if r.code in by_entry else {}),
                    "sides": list(r.sides),
                    "title": r.doc.title,
                }
                for r in rules
            ],
            stdout,
            indent=2,
        )
        stdout.write("\n")
        return EXIT_PASSED
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for col in ("code", "name", "category", "severity", "needs"):
        table.add_column(col, no_wrap=True)
    table.add_column("what it finds")
    for r in rules:
        severity = f"{'/'.join(by_entry[r.code])} by entry" if r.code in by_entry else r.severity.value
        table.add_row(r.code, r.name, r.category, severity, "+".join(r.sides), r.doc.title)
    console = Console(file=stdout, highlight=False)
    if not console.is_terminal:
        console.width = 160
    console.print(table)
    return EXIT_PASSED


def _severities_by_entry() -> dict[str, list[str]]:
    """Rules whose severity each entry of their data table sets, with the severities the bundled tables use, mildest first.

    QA701 reports an idiom at its entry's severity (major when the source
    holds the idiom); QA702 a calque at its entry's. Read from the tables, so
    the listing follows the data.
    """
    from qa.idioms import bundled_table
    from qa.rules.calques import calques

    def ordered(values: set[str]) -> list[str]:
        return sorted(values, key=lambda v: Severity.parse(v).rank)

    return {
        "QA701": ordered({i.severity for i in bundled_table()}),
        "QA702": ordered({c.severity.value for c in calques()}),
    }


def _explain(args: argparse.Namespace, stdout: TextIO) -> int:
    from qa.rules import get_rule

    try:
        r = get_rule(args.rule)
    except KeyError:
        raise UsageError(f"no rule {args.rule!r} (see `qa rules`)") from None
    d = r.doc
    lines = [
        f"{r.code} {r.name}: {d.title}",
        f"category: {r.category}   default severity: {r.severity.value}   needs: {' + '.join(r.sides)}",
        "",
    ]
    if d.why:
        lines += ["Why it matters", f"  {d.why[:1].upper()}{d.why[1:]}", ""]
    for label, examples in (("Bad", d.bad), ("Good", d.good)):
        for ex in examples:
            lines.append(f"{label}:  {ex.target!r}")
            if ex.source:
                lines.append(f"      source: {ex.source!r}")
    if d.limits:
        lines += ["", "Known limits", f"  {d.limits[:1].upper()}{d.limits[1:]}"]
    stdout.write("\n".join(lines) + "\n")
    return EXIT_PASSED
