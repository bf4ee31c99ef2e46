#!/usr/bin/env python3
"""Wraps the string literals that keep a Swift line over the column limit.

`swift format` (scripts/format.sh) breaks code at 120 columns but cannot break a string
literal. This script rewrites a line whose only way under the limit is its literal: the
single-line literal becomes a multi-line one whose lines end in a backslash (Swift's line
continuation, which adds nothing to the string), so the text the program prints is the same
byte for byte, whatever type the literal builds (String, a custom interpolation, a test
comment).

    scripts/wrap-long-literals.py [--limit 120] FILE...

Lines it cannot wrap safely (a literal holding a quote-triple, a raw literal, a line with
two long literals) are left and listed on standard error.
"""
import re
import sys

LIMIT = 120


def walk_literal(text, i):
    """Walks a literal's content from `i` (just after its opening quote): returns the offsets
    of the characters at interpolation depth 0 and the offset of the closing quote (or
    len(text) when the literal does not close). Interpolations may nest literals and
    parentheses; escapes are skipped whole."""
    top = []
    n = len(text)
    depth = 0
    while i < n:
        ch = text[i]
        if depth == 0:
            if ch == '\\':
                if i + 1 < n and text[i + 1] == '(':
                    depth = 1
                elif text.startswith('u{', i + 1):
                    i = text.find('}', i) + 1 or n
                    continue
                i += 2
                continue
            if ch == '"':
                return top, i
            top.append(i)
            i += 1
            continue
        if ch == '"':
            # a literal nested inside an interpolation
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == '\\' else 1
            i += 1
            continue
        if ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
        i += 1
    return top, n


def literal_spans(line):
    """(start, end) of each ordinary single-line string literal in `line` (end exclusive),
    ignoring text after a // comment; `None` when the line holds a raw or multi-line
    literal or one that does not close."""
    spans = []
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if c == '/' and line.startswith('//', i):
            break
        if c == '#' and i + 1 < n and line[i + 1] in '"#':
            return None
        if c == '"':
            if line.startswith('"""', i):
                return None
            _, close = walk_literal(line, i + 1)
            if close >= n:
                return None
            spans.append((i, close + 1))
            i = close + 1
            continue
        i += 1
    return spans


def break_points(body, every=False):
    """Offsets in `body` (a literal's content) just after a space at interpolation depth 0;
    with `every`, after any character at depth 0 (outside escapes and interpolations): a
    continuation adds nothing to the string, so HTML or CSS without spaces can break too."""
    top, _ = walk_literal(body + '"', 0)
    return [k + 1 for k in top if every or body[k] == ' ']


def wrap(line, limit):
    spans = literal_spans(line)
    if not spans:
        return None
    start, end = max(spans, key=lambda s: s[1] - s[0])
    if end - start < 30:
        return None
    body = line[start + 1:end - 1]
    if '"""' in body:
        return None
    indent = len(line) - len(line.lstrip(' '))
    inner = ' ' * (indent + 2)
    room = limit - len(inner) - 2  # the content and its trailing backslash
    pieces = []
    rest = body
    while len(rest) > room:
        cuts = [p for p in break_points(rest) if p <= room] or [p for p in break_points(rest, True) if p <= room]
        if not cuts:
            return None
        cut = cuts[-1]
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    # A content line starting with spaces would keep them; one ending in a space before the
    # backslash keeps it too (Swift strips neither).
    out = [line[:start] + '"""']
    for k, p in enumerate(pieces):
        out.append(inner + p + ('\\' if k < len(pieces) - 1 else ''))
    tail = line[end:]
    out.append(inner + '"""' + tail)
    if any(len(l) > limit for l in out[:1]):
        return None
    return out


def content_breaks(text, every=False):
    """Offsets just after a space (with `every`, any character) at interpolation depth 0
    in a line of a multi-line literal (where a bare quote is text)."""
    points = []
    i = 0
    depth = 0
    while i < len(text):
        ch = text[i]
        if depth == 0:
            if ch == '\\':
                if i + 1 < len(text) and text[i + 1] == '(':
                    depth = 1
                i += 2
                continue
            if ch == ' ' or (every and ch != ' '):
                points.append(i + 1)
            i += 1
            continue
        if ch == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 2 if text[i] == '\\' else 1
        elif ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
        i += 1
    return points


def wrap_content(line, indent, limit):
    """Splits a too-long line inside a multi-line literal whose closing delimiter is
    indented by `indent`: each piece but the last ends in a backslash (nothing is added to
    the string), the continuations are indented by exactly `indent`."""
    if line.rstrip().endswith('\\') or len(line) - len(line.lstrip(' ')) < indent:
        return None
    out = []
    rest = line
    first = True
    while len(rest) > limit:
        room = limit - 1
        lead = 0 if first else indent
        cuts = [p for p in content_breaks(rest) if lead < p <= room and rest[p:].strip()]
        if not cuts:
            cuts = [p for p in content_breaks(rest, every=True) if lead < p <= room and rest[p:].strip()]
        if not cuts:
            return None
        cut = cuts[-1]
        out.append(rest[:cut] + '\\')
        rest = ' ' * indent + rest[cut:]
        first = False
    out.append(rest)
    return out if len(out) > 1 else None


def main(argv):
    limit = LIMIT
    files = []
    args = iter(argv)
    for a in args:
        if a == '--limit':
            limit = int(next(args))
        else:
            files.append(a)
    left = []
    for path in files:
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        out = []
        changed = False
        closing = {}  # the line of each multi-line literal's opening delimiter -> closing indent
        opened = None
        for k, line in enumerate(lines):
            if line.count('"""') % 2 == 1:
                if opened is None:
                    opened = k
                else:
                    closing[opened] = len(line) - len(line.lstrip(' '))
                    opened = None
        in_multiline = None  # the closing indent while inside an ordinary multi-line literal
        raw = False
        for ln, line in enumerate(lines, 1):
            if line.count('"""') % 2 == 1:
                if in_multiline is None and not raw:
                    raw = '#"""' in line
                    in_multiline = closing.get(ln - 1)
                    if raw:
                        in_multiline = None
                else:
                    in_multiline = None
                    raw = False
                out.append(line)
                continue
            if len(line) <= limit:
                out.append(line)
                continue
            if raw or line.lstrip().startswith('//'):
                left.append(f'{path}:{ln}')
                out.append(line)
                continue
            w = wrap_content(line, in_multiline, limit) if in_multiline is not None else wrap(line, limit)
            if w is None:
                left.append(f'{path}:{ln}')
                out.append(line)
            else:
                out.extend(w)
                changed = True
        if changed:
            with open(path, 'w', encoding='utf-8') as f:
                f.write('\n'.join(out))
    for l in left:
        print(f'left over {limit} columns: {l}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
