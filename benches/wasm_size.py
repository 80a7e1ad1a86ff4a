#!/usr/bin/env python3
"""Where the bytes of a .wasm module go: sections, code by crate, data segments, and how much of
the data is the embedded language tables (data/<lang>/*.txt). Standard library only.

usage: wasm_size.py MODULE.wasm [--data-dir DATA] [--top N]
Function names come from the module's "name" section (the raw cargo output has it; wasm-opt
output may not, in which case only sections and data are reported).
"""
import gzip
import os
import re
import sys
from collections import defaultdict

SECTION_NAMES = {
    0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
    7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount",
}


def leb(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def sections(buf):
    assert buf[:4] == b"\0asm", "not a wasm module"
    pos = 8
    while pos < len(buf):
        sid = buf[pos]
        size, p = leb(buf, pos + 1)
        name = SECTION_NAMES.get(sid, str(sid))
        if sid == 0:
            n, q = leb(buf, p)
            name = "custom:" + buf[q:q + n].decode("utf-8", "replace")
        yield sid, name, p, size
        pos = p + size


def imported_functions(buf, start, size):
    n, p = leb(buf, start)
    count = 0
    for _ in range(n):
        for _ in range(2):
            ln, p = leb(buf, p)
            p += ln
        kind = buf[p]
        p += 1
        if kind == 0:
            _, p = leb(buf, p)
            count += 1
        elif kind == 1:
            p += 1
            flags, p = leb(buf, p)
            _, p = leb(buf, p)
            if flags & 1:
                _, p = leb(buf, p)
        elif kind == 2:
            flags, p = leb(buf, p)
            _, p = leb(buf, p)
            if flags & 1:
                _, p = leb(buf, p)
        elif kind == 3:
            p += 2
        elif kind == 4:
            p += 1
            _, p = leb(buf, p)
    return count


def code_bodies(buf, start):
    n, p = leb(buf, start)
    sizes = []
    for _ in range(n):
        size, q = leb(buf, p)
        sizes.append(size + (q - p))
        p = q + size
    return sizes


def function_names(buf, start, size):
    names = {}
    end = start + size
    n, p = leb(buf, start)
    p += n  # "name"
    while p < end:
        sub = buf[p]
        ssize, q = leb(buf, p + 1)
        if sub == 1:
            count, r = leb(buf, q)
            for _ in range(count):
                idx, r = leb(buf, r)
                ln, r = leb(buf, r)
                names[idx] = buf[r:r + ln].decode("utf-8", "replace")
                r += ln
        p = q + ssize
    return names


def data_segments(buf, start):
    n, p = leb(buf, start)
    segs = []
    for _ in range(n):
        flags, p = leb(buf, p)
        if flags in (0, 2):
            if flags == 2:
                _, p = leb(buf, p)
            # constant expression up to 0x0b
            while buf[p] != 0x0B:
                p += 1
            p += 1
        size, p = leb(buf, p)
        segs.append(buf[p:p + size])
        p += size
    return segs


V0_CRATE = re.compile(r"C(?:s[0-9A-Za-z]*_)?(\d+)")


def v0_crates(sym):
    """Crate names in a v0-mangled Rust symbol (_R…), in order of appearance."""
    out = []
    for m in V0_CRATE.finditer(sym):
        n = int(m.group(1))
        ident = sym[m.end():m.end() + n]
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", ident or "-"):
            out.append(ident)
    return out


def crate_of(name):
    """The crate a function belongs to: v0 (_R…) or legacy (_ZN…) mangled, or demangled
    names; drop glue is charged to the crate of the dropped type."""
    if name.startswith("_R"):
        crates = v0_crates(name)
        if not crates:
            return "?"
        if crates[0] == "core" and "drop_in_place" in name and len(crates) > 1:
            return crates[1]
        return crates[0]
    m = re.match(r"_ZN(\d+)", name)
    if m:
        n = int(m.group(1))
        return name[m.end():m.end() + n]
    s = re.sub(r"^core::ptr::drop_in_place<(.+)>$", r"\1", name).lstrip("<&*( ")
    if "::" in s:
        return s.split("::")[0].split("<")[0]
    return "(non-Rust: " + name[:24] + ")"


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    path = args[0]
    data_dir = None
    top = 15
    if "--data-dir" in args:
        data_dir = args[args.index("--data-dir") + 1]
    if "--top" in args:
        top = int(args[args.index("--top") + 1])
    buf = open(path, "rb").read()
    print(f"{path}: {len(buf):,} bytes raw, {len(gzip.compress(buf, 9)):,} gzipped (-9)")
    print("\nsections:")
    n_imports = 0
    code = names = data = None
    for sid, name, start, size in sections(buf):
        part = buf[start:start + size]
        print(f"  {name:<28} {size:>10,} raw {len(gzip.compress(part, 9)):>9,} gz")
        if sid == 2:
            n_imports = imported_functions(buf, start, size)
        elif sid == 10:
            code = (start, size)
        elif sid == 11:
            data = (start, size)
        elif name == "custom:name":
            names = function_names(buf, start, size)
    if code:
        bodies = code_bodies(buf, code[0])
        if names:
            by_crate = defaultdict(int)
            biggest = []
            for i, sz in enumerate(bodies):
                nm = names.get(n_imports + i, f"func{n_imports + i}")
                by_crate[crate_of(nm)] += sz
                biggest.append((sz, nm))
            print("\ncode by crate (function bodies):")
            for c, sz in sorted(by_crate.items(), key=lambda x: -x[1])[:top]:
                print(f"  {c:<28} {sz:>10,}  {100 * sz / code[1]:5.1f} %")
            print(f"\nlargest functions:")
            for sz, nm in sorted(biggest, reverse=True)[:top]:
                print(f"  {sz:>8,}  {nm[:110]}")
        else:
            print("\n(no name section: code not attributed; run on the cargo output for that)")
    if data:
        segs = data_segments(buf, data[0])
        blob = b"".join(segs)
        print(f"\ndata: {len(segs)} segments, {len(blob):,} bytes, {len(gzip.compress(blob, 9)):,} gzipped")
        if data_dir and os.path.isdir(data_dir):
            found = missing = 0
            per_lang = defaultdict(int)
            for lang in sorted(os.listdir(data_dir)):
                ld = os.path.join(data_dir, lang)
                if not os.path.isdir(ld):
                    continue
                for f in sorted(os.listdir(ld)):
                    if not f.endswith(".txt"):
                        continue
                    content = open(os.path.join(ld, f), "rb").read()
                    if content and content in blob:
                        found += len(content)
                        per_lang[lang] += len(content)
                    else:
                        missing += len(content)
            tables = b"".join(
                open(os.path.join(data_dir, l, f), "rb").read()
                for l in sorted(os.listdir(data_dir)) if os.path.isdir(os.path.join(data_dir, l))
                for f in sorted(os.listdir(os.path.join(data_dir, l))) if f.endswith(".txt")
            )
            print(f"  language tables found verbatim in data: {found:,} bytes "
                  f"(~{len(gzip.compress(tables, 9)):,} gzipped); not found verbatim: {missing:,}")
            for lang, sz in sorted(per_lang.items(), key=lambda x: -x[1]):
                print(f"    {lang:<8} {sz:>10,}")


if __name__ == "__main__":
    main()
