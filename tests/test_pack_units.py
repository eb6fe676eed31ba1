"""The pack's small parts: page geometry, stamps' wording, sniffing, the Office adapter."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from atr_desktop.adapters import office
from atr_desktop.documents.pack import geometry
from atr_desktop.domain.pack import PartSize, stamp_text, start_pages, too_large


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
@pytest.mark.parametrize(
    "box", [(0, 0, 595, 842), (0, 0, 842, 595), (0, 0, 612, 792), (50, 100, 662, 892)]
)
def test_shrunk_content_stays_above_the_footer_band(rotate: int, box: tuple) -> None:
    view = geometry.view_of(box, rotate)
    shrink = geometry.shrink_matrix(view, 30)
    to_view = geometry.invert(view.to_user)
    corners = [(box[0], box[1]), (box[0], box[3]), (box[2], box[1]), (box[2], box[3])]
    seen = [geometry.apply(to_view, *geometry.apply(shrink, x, y)) for x, y in corners]
    us = [round(u, 6) for u, _ in seen]
    vs = [round(v, 6) for _, v in seen]
    assert min(vs) == pytest.approx(30)  # the band is free, whatever the orientation
    assert max(vs) == pytest.approx(view.height)
    assert min(us) >= 0 and max(us) <= view.width + 1e-6
    assert min(us) == pytest.approx(view.width - max(us))  # centred across


def test_rotation_swaps_what_the_reader_sees() -> None:
    assert geometry.view_of((0, 0, 595, 842), 90).width == 842
    assert geometry.view_of((0, 0, 595, 842), 0).width == 595


def test_stamp_and_page_arithmetic() -> None:
    assert (
        stamp_text("ATR Strategy Group", "9 February 2027", "Item 5", 23, 180)
        == "ATR Strategy Group · 9 February 2027 · Item 5 · Pack page 23 of 180"
    )
    part_b = stamp_text("G", "D", "", 1, 2, marking="OFFICIAL-SENSITIVE: COMMERCIAL")
    assert part_b.startswith("OFFICIAL-SENSITIVE: COMMERCIAL · G")
    assert "Supplementary pack 1" in stamp_text("G", "D", "", 181, 190, supplement=1)
    assert start_pages([PartSize("", 2), PartSize("5", 3), PartSize("6", 1)], 181) == [
        181,
        183,
        186,
    ]
    assert too_large(21 * 1024 * 1024, 20) and not too_large(10, 0)


def test_sniff_knows_files_by_their_bytes(tmp_path: Path) -> None:
    from atr_desktop.documents.pack.prepare import sniff
    from tests.pack_fixtures import docx_bytes, pdf_bytes, png_bytes

    cases = {
        "a.pdf": (pdf_bytes(1), "pdf"),
        "b.docx": (docx_bytes(), "word"),
        "c.png": (png_bytes(), "image"),
        "d.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
                  "encrypted-office"),
        "e.txt": (b"hello", "unknown"),
    }  # fmt: skip
    for name, (data, kind) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert sniff(path) == kind, name


def test_finds_libreoffice_on_the_path_or_in_program_files() -> None:
    found = office.find_converter(which=lambda n: "/usr/bin/soffice" if n == "soffice" else None)
    assert found == office.Converter("soffice", "/usr/bin/soffice")
    place = office.SOFFICE_PLACES[0]
    found = office.find_converter(
        which=lambda n: None, platform="win32", exists=lambda p: p == place
    )
    assert found == office.Converter("soffice", place)


def test_windows_without_libreoffice_uses_office_through_com() -> None:
    found = office.find_converter(
        which=lambda n: None, platform="win32", exists=lambda p: False, com_available=lambda: True
    )
    assert found == office.Converter("msoffice")
    assert (
        office.find_converter(
            which=lambda n: None, platform="win32", exists=lambda p: False,
            com_available=lambda: False,
        )
        is None
    )  # fmt: skip
    assert (
        office.find_converter(which=lambda n: None, platform="linux", exists=lambda p: False)
        is None
    )


class FakeDoc:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def ExportAsFixedFormat(self, path: str, fmt: int) -> None:
        self.log.append(f"export {fmt}")
        Path(path).write_bytes(b"%PDF-1.4 fake")

    def Close(self, save: bool) -> None:
        self.log.append("close")


class FakeWord:
    def __init__(self, log: list[str]) -> None:
        self.log = log
        outer = self

        class Documents:
            def Open(self, path: str, **kw: Any) -> FakeDoc:
                outer.log.append(f"open {Path(path).name} readonly={kw.get('ReadOnly')}")
                return FakeDoc(outer.log)

        self.Documents = Documents()

    def Quit(self) -> None:
        self.log.append("quit")


def test_office_com_converts_a_word_paper_and_always_quits(tmp_path: Path) -> None:
    log: list[str] = []
    source = tmp_path / "paper.docx"
    source.write_bytes(b"x")
    out = office.convert(
        office.Converter("msoffice"), source, tmp_path / "o.pdf",
        com_factory=lambda prog: FakeWord(log) if prog == "Word.Application" else None,
    )  # fmt: skip
    assert out.read_bytes().startswith(b"%PDF")
    assert log == ["open paper.docx readonly=True", "export 17", "close", "quit"]

    def broken(prog: str) -> Any:
        raise OSError("COM server not registered")

    with pytest.raises(office.ConversionError, match="Microsoft Office could not convert"):
        office.convert(office.Converter("msoffice"), source, tmp_path / "p.pdf", com_factory=broken)


def test_soffice_runs_headless_with_a_private_profile_and_a_timeout(tmp_path: Path) -> None:
    calls: list[Any] = []

    def run(args: list[str], **kw: Any) -> None:
        calls.append((args, kw))
        raise subprocess.TimeoutExpired(args, kw["timeout"])

    source = tmp_path / "paper.docx"
    source.write_bytes(b"x")
    with pytest.raises(office.ConversionError, match="longer than 5 seconds"):
        office.convert(
            office.Converter("soffice", "soffice"), source, tmp_path / "o.pdf", 5, run=run
        )
    args, kw = calls[0]
    assert "--headless" in args and kw["timeout"] == 5
    assert any(a.startswith("-env:UserInstallation=file://") for a in args)


def test_frozen_app_runs_the_worker_through_its_own_flag(monkeypatch: Any) -> None:
    import sys

    from atr_desktop.documents.pack.runner import worker_command

    assert worker_command()[1:] == ["-m", "atr_desktop.documents.pack.worker"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_command() == [sys.executable, "--pack-worker"]


def test_pack_worker_flag_runs_the_worker(monkeypatch: Any, capsys: Any) -> None:
    import io
    import json
    import sys

    from atr_desktop.app import main

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"mode": "prepare", "jobs": [],
                                                              "cache": "/tmp"})))  # fmt: skip
    assert main(["--pack-worker"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert events == [{"event": "finished"}, {"event": "end"}]


def test_one_worker_process_checks_then_builds(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from atr_desktop.documents.pack.prepare import Job
    from atr_desktop.documents.pack.runner import Worker, run_build, run_prepare
    from atr_desktop.storage.blobs import file_sha256
    from tests.pack_fixtures import pdf_bytes, write
    from tools.bench_pack import spec_for

    paths = [write(tmp_path, f"p{n}.pdf", pdf_bytes(2)) for n in range(2)]
    jobs = [Job(str(n), p.name, str(p), file_sha256(p)) for n, p in enumerate(paths)]
    with Worker() as worker:
        prepared = run_prepare(jobs, tmp_path / "cache", None, worker=worker)
        assert worker.proc is not None
        pid = worker.proc.pid
        assert [prepared[j.key].pages for j in jobs] == [2, 2]
        built = run_build(spec_for(paths), tmp_path / "pack.pdf", worker=worker)  # type: ignore[arg-type]
        assert worker.proc is not None and worker.proc.pid == pid
    assert worker.proc is None
    assert len(PdfReader(tmp_path / "pack.pdf").pages) == built.page_count
