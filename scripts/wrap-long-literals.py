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


def literal_spans(line):
    """(start, end) of each ordinary single-line string literal in `line` (end exclusive),
    ignoring text after a // comment. Interpolations may nest literals and parentheses."""
    spans = []
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if c == '/' and i + 1 < n and line[i + 1] == '/':
            break
        if c == '#' and i + 1 < n and line[i + 1] in '"#':
            return None  # raw literals: leave the line alone
        if c == '"':
            if line.startswith('"""', i):
                return None
            start = i
            i += 1
            depth = 0
            while i < n:
                ch = line[i]
                if ch == '\\' and depth == 0:
                    if i + 1 < n and line[i + 1] == '(':
                        depth = 1
                        i += 2
                        continue
                    i += 2
                    continue
                if depth > 0:
                    if ch == '"':
                        # a nested literal inside an interpolation
                        j = i + 1
                        while j < n and line[j] != '"':
                            j += 2 if line[j] == '\\' else 1
                        i = j + 1
                        continue
                    if ch == '(':
                        depth += 1
                    elif ch == ')':
                        depth -= 1
                    i += 1
                    continue
                if ch == '"':
                    break
                i += 1
            if i >= n:
                return None  # unterminated on this line
            spans.append((start, i + 1))
            i += 1
            continue
        i += 1
    return spans


def break_points(body):
    """Offsets in `body` (a literal's content) after a space at interpolation depth 0."""
    points = []
    i = 0
    depth = 0
    while i < len(body):
        ch = body[i]
        if ch == '\\' and depth == 0:
            if i + 1 < len(body) and body[i + 1] == '(':
                depth = 1
                i += 2
                continue
            i += 2
            continue
        if depth > 0:
            if ch == '"':
                j = i + 1
                while j < len(body) and body[j] != '"':
                    j += 2 if body[j] == '\\' else 1
                i = j + 1
                continue
            if ch == '(':
                depth += 1
            elif ch == ')':
                depth -= 1
            i += 1
            continue
        if ch == ' ':
            points.append(i + 1)
        i += 1
    return points


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
        cuts = [p for p in break_points(rest) if p <= room]
        if not cuts:
            return None
        cut = cuts[-1]
        pieces.append(rest[:cut])
        rest = rest[cut:]
    pieces.append(rest)
    if len(pieces) < 2:
        pieces = [body]
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
        in_multiline = False
        for ln, line in enumerate(lines, 1):
            if line.count('"""') % 2 == 1:
                in_multiline = not in_multiline
                out.append(line)
                continue
            if len(line) <= limit or in_multiline or line.lstrip().startswith('//'):
                if len(line) > limit:
                    left.append(f'{path}:{ln}')
                out.append(line)
                continue
            w = wrap(line, limit)
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
