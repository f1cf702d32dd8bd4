#!/usr/bin/env python3
"""Cost growth with rows: fit time and peak memory of the study preset, the default preset and one LSTM epoch (ours), and of
scikit-learn's same TF-IDF + LR pipelines, on the seeded training-cost corpus at growing sizes; writes the results as JSON
and a log-log SVG with the fitted slope of every line in its legend.

Usage, from the repository root after `dotnet build -c Release benchmarks/AttackClassifier.Benchmarks`:
    /usr/bin/python3 benchmarks/scaling.py [--rows 1000,10000,100000] [--sklearn-rows 10000,100000] [--timeout 1800]
    /usr/bin/python3 benchmarks/scaling.py --plot-only          # redraw benchmarks/scaling.svg from scaling-results.json
    /usr/bin/python3 benchmarks/scaling.py --kinds default-df2 --merge --rows 10000,100000   # add one series to the results

Every (implementation, model, size) runs in its own short-lived process (`AttackClassifier.Benchmarks fit-once KIND ROWS`,
`sklearn_fit_once.py KIND CORPUS.csv`), one after another, so peak resident memory (VmHWM) is that fit's alone and the
ratios come from one run on one machine state. A series stops at its first size that exceeds --timeout (recorded as such).
The load average is recorded before and after each fit: the machine may be shared.
"""
import argparse, json, math, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(HERE, "AttackClassifier.Benchmarks", "bin", "Release", "net10.0", "AttackClassifier.Benchmarks.dll")
RESULTS = os.path.join(HERE, "scaling-results.json")
SVG = os.path.join(HERE, "scaling.svg")

SERIES = [  # (impl, kind, label, colour, dash)
    ("ours", "study", "ours: study preset (LR)", "#1f77b4", ""),
    ("ours", "default", "ours: default preset (LR)", "#d62728", ""),
    ("ours", "lstm", "ours: LSTM, one epoch", "#2ca02c", ""),
    ("sklearn", "study", "scikit-learn: study preset", "#1f77b4", "6,4"),
    ("sklearn", "default", "scikit-learn: default preset", "#d62728", "6,4"),
    # The default preset with a document-frequency floor of 2 (as the built-in models are trained): bounds the vocabulary
    # that the unbounded default grows with the data (terms seen in one row only are dropped).
    ("ours", "default-df2", "ours: default preset, min_df 2", "#ff7f0e", ""),
    ("sklearn", "default-df2", "scikit-learn: default preset, min_df 2", "#ff7f0e", "6,4"),
]


def load_average():
    return os.getloadavg()[0]


def run(cmd, timeout):
    before = load_average()
    t0 = time.time()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True).stdout
    except subprocess.TimeoutExpired:
        return {"timeout_seconds": timeout, "load_before": before, "load_after": load_average()}
    except subprocess.CalledProcessError as e:
        return {"error": (e.stderr or e.stdout)[-500:], "load_before": before}
    result = json.loads(out.strip().splitlines()[-1])
    result.update(load_before=before, load_after=load_average(), process_seconds=time.time() - t0)
    return result


def measure(args):
    rows = [int(r) for r in args.rows.split(",") if r]
    sk_rows = [int(r) for r in args.sklearn_rows.split(",") if r]
    kinds = set(args.kinds.split(",")) if args.kinds else {kind for _, kind, *_ in SERIES}
    planned = {(impl, kind, n) for impl, kind, *_ in SERIES if kind in kinds for n in (rows if impl == "ours" else sk_rows)}
    results, stopped = [], set()
    if args.merge and os.path.exists(RESULTS):  # keep what an earlier run measured, except what this run measures again
        with open(RESULTS) as f:
            results = [r for r in json.load(f)["results"] if (r["impl"], r["kind"], r["rows"]) not in planned]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(set(rows) | set(sk_rows)):
            corpus = os.path.join(tmp, f"corpus-{n}.csv")
            if any(impl == "sklearn" and m == n for impl, _, m in planned):
                subprocess.run(["dotnet", BENCH, "write-corpus", str(n), corpus], check=True)
            for impl, kind, *_ in SERIES:
                wanted = (impl, kind, n) in planned
                if not wanted or (impl, kind) in stopped:
                    continue
                cmd = (["dotnet", BENCH, "fit-once", kind, str(n)] if impl == "ours"
                       else ["/usr/bin/python3", os.path.join(HERE, "sklearn_fit_once.py"), kind, corpus])
                r = run(cmd, args.timeout)
                r.update(impl=impl, kind=kind, rows=n)
                print(json.dumps(r), flush=True)
                results.append(r)
                if "seconds" not in r:
                    stopped.add((impl, kind))
                with open(RESULTS, "w") as f:  # after every fit: a long run interrupted keeps what it measured
                    json.dump({"machine": machine(), "results": results}, f, indent=1)
    return results


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "logical_processors": os.cpu_count()}


def slope(points):
    """Least-squares slope of log10 y against log10 x (cost ∝ rows^slope); None for fewer than two points."""
    if len(points) < 2:
        return None
    xs = [math.log10(x) for x, _ in points]
    ys = [math.log10(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx > 0 else None


def panel(results, field, title, unit, x0, y0, w, h):
    """One log-log panel as SVG elements: decade grid, one polyline per series, legend with slopes."""
    series = []
    for impl, kind, label, colour, dash in SERIES:
        pts = sorted((r["rows"], r[field]) for r in results
                     if r["impl"] == impl and r["kind"] == kind and r.get(field) and r[field] > 0)
        if pts:
            series.append((label, colour, dash, pts))
    if not series:
        return []
    # Fits stopped at the timeout: a lower bound on the fit time, drawn as an open triangle at the timeout.
    stopped = [(r["rows"], r["timeout_seconds"], c, label) for r in results if field == "seconds" and "timeout_seconds" in r
               for impl, kind, label, c, _ in SERIES if (impl, kind) == (r["impl"], r["kind"])]
    xs = [x for *_, pts in series for x, _ in pts] + [x for x, *_ in stopped]
    ys = [y for *_, pts in series for _, y in pts] + [y for _, y, *_ in stopped]
    lx0, lx1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    lx1, ly1 = max(lx1, lx0 + 1), max(ly1, ly0 + 1)
    px = lambda x: x0 + (math.log10(x) - lx0) / (lx1 - lx0) * w
    py = lambda y: y0 + h - (math.log10(y) - ly0) / (ly1 - ly0) * h
    e = [f'<text x="{x0 + w / 2}" y="{y0 - 12}" text-anchor="middle" font-weight="bold">{title}</text>',
         f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#444"/>']
    for d in range(lx0, lx1 + 1):
        X = px(10 ** d)
        e.append(f'<line x1="{X:.1f}" y1="{y0}" x2="{X:.1f}" y2="{y0 + h}" stroke="#ddd"/>')
        e.append(f'<text x="{X:.1f}" y="{y0 + h + 16}" text-anchor="middle">{10 ** d:,}</text>')
    for d in range(ly0, ly1 + 1):
        Y = py(10 ** d)
        e.append(f'<line x1="{x0}" y1="{Y:.1f}" x2="{x0 + w}" y2="{Y:.1f}" stroke="#ddd"/>')
        e.append(f'<text x="{x0 - 6}" y="{Y + 4:.1f}" text-anchor="end">{10 ** d:g}</text>')
    e.append(f'<text x="{x0 + w / 2}" y="{y0 + h + 34}" text-anchor="middle">training rows (log scale)</text>')
    e.append(f'<text x="{x0 - 48}" y="{y0 + h / 2}" text-anchor="middle" transform="rotate(-90 {x0 - 48} {y0 + h / 2})">{unit} (log scale)</text>')
    for x, y, colour, label in stopped:
        X, Y = px(x), py(y)
        e.append(f'<path d="M{X - 5:.1f},{Y + 4:.1f} L{X:.1f},{Y - 5:.1f} L{X + 5:.1f},{Y + 4:.1f} Z" fill="white" stroke="{colour}" '
                 f'stroke-width="2"><title>{label}: stopped at the {y:g} s timeout at {x:,} rows</title></path>')
    if stopped:
        e.append(f'<text x="{x0 + w - 6}" y="{y0 + 14}" text-anchor="end" font-size="10">△ stopped at the timeout (≥)</text>')
    for i, (label, colour, dash, pts) in enumerate(series):
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
        style = f' stroke-dasharray="{dash}"' if dash else ""
        e.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{style}/>')
        for x, y in pts:
            e.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"><title>{label}: {x:,} rows, {y:.3g} {unit}</title></circle>')
        s = slope(pts)
        text = f"{label}: slope {s:.2f}" if s is not None else f"{label}: one size only"
        ly = y0 + h + 56 + 16 * i
        e.append(f'<line x1="{x0}" y1="{ly - 4}" x2="{x0 + 24}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"{style}/>')
        e.append(f'<text x="{x0 + 30}" y="{ly}">{text}</text>')
    return e


def plot(doc):
    results = doc["results"]
    w, h, gap = 380, 260, 120
    height = 60 + h + 60 + 16 * len(SERIES) + 20
    body = (panel(results, "seconds", "Fit time", "seconds", 80, 50, w, h)
            + panel(results, "peak_rss_mib", "Peak memory (VmHWM)", "MiB", 80 + w + gap, 50, w, h))
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{80 + 2 * w + gap + 20}" height="{height}" '
           f'font-family="sans-serif" font-size="12">',
           f'<title>Cost growth with training rows, log-log; slope = exponent of rows ({doc["machine"]["cpu"]}, '
           f'{doc["machine"]["logical_processors"]} logical processors)</title>',
           '<rect width="100%" height="100%" fill="white"/>', *body, "</svg>"]
    with open(SVG, "w") as f:
        f.write("\n".join(svg) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", default="1000,10000,100000")
    p.add_argument("--sklearn-rows", default="10000,100000")
    p.add_argument("--timeout", type=float, default=1800)
    p.add_argument("--plot-only", action="store_true")
    p.add_argument("--kinds", default="", help="comma-separated kinds to measure (study, default, default-df2, lstm); default all")
    p.add_argument("--merge", action="store_true", help="keep the results file's other measurements instead of starting afresh")
    args = p.parse_args()
    if not args.plot_only:
        measure(args)
    with open(RESULTS) as f:
        plot(json.load(f))
    print(f"wrote {SVG}")


if __name__ == "__main__":
    main()
