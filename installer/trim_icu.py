"""Make a smaller ICU data library for the Linux bundle: the app's English data only.

Qt's libraries load ICU, whose data library (libicudata.so.NN, 31 MB) holds collation,
names, break dictionaries and converters for every language. The app is in English and
decodes text itself (Python's codecs), so the bundle keeps ICU's root and English data, the
rules and normalisation tables, and drops other locales' data, the dictionaries for Thai,
Khmer, Lao, Burmese and CJK word breaking, transliterators and legacy codepage converters.
Text in another script still shows and edits (fonts and shaping are not ICU data); it is
only sorted and word-broken by the root rules.

The data is an ICU "common data" package (a table of contents, then the items) exported as
one symbol, icudtNN_dat. This reads the package out of the original library, rewrites it
with the kept items and links it into a new library of the same name (gcc, as ICU's own
'pkgdata' does). The Windows bundle is not trimmed.

Usage: python installer/trim_icu.py ORIGINAL_LIBICUDATA OUTPUT_DIR  -> prints the new path
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

# A locale's own data item: 'de.res', 'zh_Hant_TW.res', 'es_419.res' (not 'root.res',
# 'pool.res', 'res_index.res' or 'supplementalData.res', which every locale relies on).
LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_([A-Z]{2}|\d{3}))?(_[A-Z0-9]+)?\.res$")
KEEP_LOCALES = ("en",)
DROP_FOLDERS = {"translit"}  # transliterators: only root and the index stay
DROP_SUFFIXES = {".dict", ".cnv"}  # word-break dictionaries, codepage converters
KEEP_CONVERTERS = {"ibm-5348_P100-1997.cnv"}  # Windows-1252, the one codepage the app meets


def symbol(lib: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudtNN_dat symbol in ``lib``."""
    table = subprocess.run(["objdump", "-T", str(lib)], capture_output=True, text=True).stdout
    match = re.search(r"^([0-9a-f]+)\s.*\s([0-9a-f]+)\s+(icudt\d+_dat)$", table, re.M)
    if not match:
        raise SystemExit(f"{lib} exports no icudtNN_dat symbol")
    address, size, name = int(match[1], 16), int(match[2], 16), match[3]
    headers = subprocess.run(["objdump", "-h", str(lib)], capture_output=True, text=True).stdout
    for line in headers.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[1] == ".rodata":
            vma, file_off = int(parts[3], 16), int(parts[5], 16)
            return name, address - vma + file_off, size
    raise SystemExit(f"{lib} has no .rodata section")


def wanted(item: str) -> bool:
    """Whether the bundle keeps this item ('icudt73l/coll/de.res' and the like)."""
    parts = item.split("/")
    base = parts[-1]
    folder = parts[1] if len(parts) > 2 else ""
    suffix = base[base.rfind(".") :]
    if base in KEEP_CONVERTERS:
        return True
    if suffix in DROP_SUFFIXES:
        return False
    if LOCALE_ITEM.match(base):
        return base.split("_")[0].split(".")[0] in KEEP_LOCALES
    if folder in DROP_FOLDERS:
        return base in {"root.res", "res_index.res"}
    return True


def trim(blob: bytes) -> tuple[bytes, int, int]:
    """The package with only the wanted items; (bytes, items kept, items before)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise SystemExit("the ICU data is not a common-data package")
    count = struct.unpack_from("<I", blob, header_size)[0]
    toc = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(toc):
        start = header_size + name_off
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        end = toc[i + 1][1] if i + 1 < count else len(blob) - header_size
        if wanted(name):
            items.append((name, blob[header_size + data_off : header_size + end]))
    names = b"".join(n.encode("ascii") + b"\0" for n, _ in items)
    toc_size = 4 + 8 * len(items)
    data_start = (toc_size + len(names) + 15) // 16 * 16
    entries, body, name_off = [], b"", toc_size
    for name, data in items:
        body += b"\0" * ((-len(body)) % 16)
        entries.append(struct.pack("<II", name_off, data_start + len(body)))
        name_off += len(name) + 1
        body += data
    out = blob[:header_size] + struct.pack("<I", len(items)) + b"".join(entries) + names
    out += b"\0" * (header_size + data_start - len(out))
    return out + body, len(items), count


def build(original: Path, folder: Path) -> Path:
    name, offset, size = symbol(original)
    raw = original.read_bytes()[offset : offset + size]
    data, kept, total = trim(raw)
    folder.mkdir(parents=True, exist_ok=True)
    dat = folder / f"{name}.dat"
    dat.write_bytes(data)
    asm = folder / "icudata.S"
    asm.write_text(
        f".section .rodata\n.globl {name}\n.type {name}, @object\n.balign 16\n{name}:\n"
        f'.incbin "{dat}"\n.size {name}, . - {name}\n.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    out = folder / original.name
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{original.name}", "-o", str(out), str(asm)],
        check=True,
    )
    print(
        f"ICU data: kept {kept} of {total} items, {len(raw) >> 10} KiB -> {len(data) >> 10} KiB",
        file=sys.stderr,
    )
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2])))
