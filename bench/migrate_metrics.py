#!/usr/bin/env python3
"""Rewrites a semantic model's metrics from 'expression: <SQL>' to declarations (type/agg/expr/filter, ratio
numerator/denominator), in place, keeping every other line, comment and key as it is.

    python3 bench/migrate_metrics.py semantic-model/library.yaml

It understands the shapes Aurum's models use (ROUND/COALESCE around SUM, COUNT, COUNT(DISTINCT), AVG, MIN, MAX,
each optionally over CASE WHEN <filter> THEN <expr> END, and ROUND([100 *] A / NULLIF(B, 0), 2) ratios). A metric
it cannot read is left untouched and named on stderr (exit code 1): write its declaration by hand. Then run
'./aurum semantic lint' to check the result against Gold."""
import re
import sys


def norm(text):
    text = re.sub(r"\s+", " ", text.strip())
    return text.replace("( ", "(").replace(" )", ")")


def closing(text, start):
    """Index of the parenthesis closing the one at text[start]."""
    depth = 0
    quote = None
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
            continue
        if c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def call(text, name):
    """The arguments of NAME(...) when the whole text is that call, else None."""
    text = text.strip()
    if not text.upper().startswith(name + "("):
        return None
    start = len(name)
    end = closing(text, start)
    if end != len(text) - 1:
        return None
    return text[start + 1:end].strip()


def split_top(text, sep):
    """Splits at the last top-level occurrence of sep."""
    depth = 0
    quote = None
    found = -1
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0 and text.startswith(sep, i):
            found = i
        i += 1
    if found < 0:
        return None
    return text[:found].strip(), text[found + len(sep):].strip()


def case_when(text):
    m = re.fullmatch(r"CASE WHEN (.+) THEN (.+?) END", text, re.IGNORECASE | re.DOTALL)
    if not m or " WHEN " in m.group(1).upper() or " ELSE " in m.group(2).upper():
        return None
    return m.group(1).strip(), m.group(2).strip()


def raw(text):
    """A raw aggregate: dict(agg, expr, filter) or None."""
    text = text.strip()
    for name, agg in (("SUM", "sum"), ("AVG", "avg"), ("MIN", "min"), ("MAX", "max"), ("COUNT", "count")):
        inner = call(text, name)
        if inner is None:
            continue
        distinct = False
        if agg == "count" and inner.upper().startswith("DISTINCT "):
            distinct = True
            inner = inner[len("DISTINCT "):].strip()
        flt = None
        cw = case_when(inner)
        if cw:
            flt, inner = cw
        if agg == "count" and not distinct and inner in ("*", "1"):
            inner = None
        return {"agg": "count_distinct" if distinct else agg, "expr": inner, "filter": flt}
    return None


def convert(expression, fmt):
    e = norm(expression)
    rounded = call(e, "ROUND")
    if rounded is not None:
        parts = split_top(rounded, ",")
        if parts and parts[1] == "2":
            e = parts[0]
    coalesced = call(e, "COALESCE")
    if coalesced is not None:
        parts = split_top(coalesced, ",")
        if parts and parts[1] == "0":
            e = parts[0]
    simple = raw(e)
    if simple:
        return dict(type="simple", **simple)
    percent = False
    if e.startswith("100 * "):
        percent, e = True, e[len("100 * "):]
    ratio = split_top(e, "/")
    if ratio:
        den = call(ratio[1], "NULLIF")
        den_parts = split_top(den, ",") if den else None
        num, den_raw = raw(ratio[0].strip("()") if ratio[0].startswith("(") and closing(ratio[0], 0) == len(ratio[0]) - 1 else ratio[0]), None
        if den_parts and den_parts[1] == "0":
            den_raw = raw(den_parts[0])
        if num and den_raw and percent == (fmt == "percent"):
            return {"type": "ratio", "numerator": num, "denominator": den_raw}
    return None


def same(a, b):
    return a["agg"] == b["agg"] and (a["expr"] or "") == (b["expr"] or "") and (a["filter"] or "") == (b["filter"] or "")


def quoted(value):
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
        return value
    return '"' + value.replace('\\', '\\\\').replace('"', '\\"') + '"'


def main(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    # find metric entries: "- name: X" items under a "metrics:" key, with an "expression:" key
    tables = []  # list of lists of metric dicts with line spans
    i = 0
    current = None
    metrics_indent = None
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if stripped == "metrics:":
            current = []
            tables.append(current)
            metrics_indent = indent
        elif current is not None and stripped and indent <= metrics_indent and not stripped.startswith("#"):
            current = None
        if current is not None and stripped.startswith("- name:"):
            current.append({"name": stripped[len("- name:"):].strip(), "line": i, "indent": indent + 2})
        if current is not None and current and stripped.startswith("expression:"):
            metric = current[-1]
            value = stripped[len("expression:"):].strip()
            end = i + 1
            if value in (">-", ">", "|", "|-"):
                value = ""
                while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
                    value += " " + lines[end].strip()
                    end += 1
            elif value[:1] in "'\"":
                value = value[1:-1]
            metric.update(expression=value.strip(), start=i, end=end)
        if current is not None and current and stripped.startswith("format:"):
            current[-1]["format"] = stripped[len("format:"):].strip()
        i += 1
    failed = []
    edits = []
    for metrics in tables:
        simples = {}
        converted = []
        for metric in metrics:
            if "expression" not in metric:
                continue
            declaration = convert(metric["expression"], metric.get("format", "decimal"))
            if declaration is None:
                failed.append(metric["name"])
                continue
            if declaration["type"] == "simple":
                simples[metric["name"]] = declaration
            converted.append((metric, declaration))
        for metric, declaration in converted:
            pad = " " * metric["indent"]
            out = [pad + "type: " + declaration["type"]]
            if declaration["type"] == "simple":
                out.append(pad + "agg: " + declaration["agg"])
                if declaration["expr"]:
                    out.append(pad + "expr: " + quoted(declaration["expr"]))
                if declaration["filter"]:
                    out.append(pad + "filter: " + quoted(declaration["filter"]))
            else:
                for side in ("numerator", "denominator"):
                    part = declaration[side]
                    named = next((n for n, s in simples.items() if same(s, part)), None)
                    if named:
                        out.append(pad + side + ": " + named)
                    else:
                        inline = ["agg: " + part["agg"]]
                        if part["expr"]:
                            inline.append("expr: " + quoted(part["expr"]))
                        if part["filter"]:
                            inline.append("filter: " + quoted(part["filter"]))
                        out.append(pad + side + ": {" + ", ".join(inline) + "}")
            edits.append((metric["start"], metric["end"], out))
    for start, end, out in sorted(edits, reverse=True):
        lines[start:end] = out
    open(path, "w", encoding="utf-8").write("\n".join(lines))
    if failed:
        print("could not read the expression of: " + ", ".join(failed) + "; declare them by hand", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: migrate_metrics.py MODEL.yaml", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
