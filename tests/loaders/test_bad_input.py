"""Every kind of bad input is rejected with one line naming the file and the reason; a batch goes on."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from loaders.errors import LoaderError, RejectedDocument
from loaders.extract import extract_bytes, extract_file, iter_extract
from loaders.readers import ReadLimits, read_docx
from tests.hardening.hostile import zip_bomb_docx
from tests.loaders.formats import as_docx, as_pdf, seed_lines


def _rejected(path: Path, **kwargs: int) -> RejectedDocument:
    with pytest.raises(RejectedDocument) as info:
        extract_file(path, **kwargs)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert isinstance(info.value, LoaderError)
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _rejected(path).reason


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\r\n\t\n")
    assert "empty" in _rejected(path).reason


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "binary" in _rejected(path).reason


def test_too_large(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "big.txt"
    shutil.copy(seed_paths[0], path)
    assert "too large" in _rejected(path, max_bytes=1000).reason
    with pytest.raises(RejectedDocument, match="too large"):
        extract_bytes(path.read_bytes(), "big.txt", max_bytes=1000)


def test_unknown_suffix(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "plan.xls"
    shutil.copy(seed_paths[0], path)
    assert "unknown suffix .xls" in _rejected(path).reason


def test_truncated_docx(tmp_path: Path, seed_dir: Path) -> None:
    data = as_docx(seed_lines(seed_dir / "jiaze_town_2016_opinion.txt"))
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "truncated or corrupt docx" in _rejected(path).reason


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("质量发展纲要", encoding="utf-8")
    assert "corrupt docx" in _rejected(path).reason


def test_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    assert "pdf" in _rejected(path).reason


def test_text_without_a_title_is_loaded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("今天开会,讨论了质量工作。\n大家发言积极。\n", encoding="utf-8")
    doc = extract_file(path)
    assert doc.title is None and doc.text.startswith("今天开会")
    assert any("title" in warning for warning in doc.warnings)


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("质量".encode() + b"\xff\xfe\xfa" * 3 + b"\x81")
    assert "undecodable" in _rejected(path).reason or "binary" in _rejected(path).reason


def test_missing_file(tmp_path: Path) -> None:
    assert "not a readable file" in _rejected(tmp_path / "nowhere.txt").reason


def test_batch_reports_rejects_and_goes_on(tmp_path: Path, seed_paths: list[Path]) -> None:
    for seed in seed_paths:
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "cut.docx").write_bytes(b"PK\x03\x04broken")
    (tmp_path / "notes.md").write_text("ignored: not a document suffix", encoding="utf-8")
    results = list(iter_extract([tmp_path]))
    names = [path.name for path, _ in results]
    assert names == sorted(names[:-1]) + ["cut.docx"] or len(names) == 7
    rejected = {
        path.name: outcome for path, outcome in results if isinstance(outcome, RejectedDocument)
    }
    assert set(rejected) == {"empty.txt", "cut.docx"}
    records = [outcome for _, outcome in results if not isinstance(outcome, RejectedDocument)]
    assert len(records) == len(seed_paths)


def test_several_workers_extract_in_file_order_and_reject_the_same_files(tmp_path) -> None:
    seeds = sorted((Path(__file__).resolve().parents[2] / "data" / "corpus").glob("*.txt"))
    for i, seed in enumerate(seeds):
        (tmp_path / f"{i:02d}-good.txt").write_bytes(seed.read_bytes())
        (tmp_path / f"{i:02d}-zempty.txt").write_bytes(b"")
    alone = [(p, getattr(o, "title", None) or o.reason) for p, o in iter_extract([tmp_path])]
    shared = [
        (p, getattr(o, "title", None) or o.reason) for p, o in iter_extract([tmp_path], workers=2)
    ]
    assert shared == alone
    assert [p.name for p, _ in shared] == sorted(p.name for p in tmp_path.iterdir())
    assert sum(reason == "empty file" for _, reason in shared) == len(seeds)


# --- files that expand without bound (issue 17) ---------------------------------------------


def test_docx_zip_bomb_is_rejected_and_the_batch_goes_on(tmp_path: Path, seed_dir: Path) -> None:
    lines = seed_lines(seed_dir / "jiaze_town_2016_opinion.txt")
    (tmp_path / "a_bomb.docx").write_bytes(zip_bomb_docx(as_docx(lines), padding_mb=300))
    assert (tmp_path / "a_bomb.docx").stat().st_size < 2_000_000
    (tmp_path / "b_plan.docx").write_bytes(as_docx(lines))
    results = list(iter_extract([tmp_path]))
    assert [p.name for p, _ in results] == ["a_bomb.docx", "b_plan.docx"]
    reject = results[0][1]
    assert isinstance(reject, RejectedDocument)
    assert "zip bomb" in reject.reason and str(reject).startswith(str(tmp_path / "a_bomb.docx"))
    assert results[1][1].title == "嘉泽镇2016年质量强镇工作的实施意见"


def test_docx_limits_are_configurable(seed_dir: Path) -> None:
    data = as_docx(seed_lines(seed_dir / "jiaze_town_2016_opinion.txt"))
    assert read_docx(data, "plan.docx").text  # the defaults leave a real document alone
    with pytest.raises(RejectedDocument, match="parts"):
        read_docx(data, "plan.docx", ReadLimits(zip_members=3))
    cut = read_docx(data, "plan.docx", ReadLimits(characters=500))
    assert 500 <= len(cut.text) < len(read_docx(data, "plan.docx").text)
    assert cut.warnings == ("text cut after 500 characters (limit: characters)",)


def test_a_long_pdf_is_cut_at_the_page_limit_with_a_warning(tmp_path: Path, seed_dir: Path) -> None:
    lines = seed_lines(seed_dir / "jiangsu_province_2012_action_plan.txt")
    path = tmp_path / "plan.pdf"
    path.write_bytes(as_pdf(lines))
    whole = extract_file(path)
    assert not any("limit" in warning for warning in whole.warnings)  # defaults: untouched
    cut = extract_file(path, limits=ReadLimits(pdf_pages=2))
    assert cut.title == whole.title and len(cut.text) < len(whole.text)
    assert "pdf cut after page 2 (limit: pdf_pages)" in cut.warnings
    short = extract_file(path, limits=ReadLimits(characters=1000))
    assert any("cut after 1000 characters" in warning for warning in short.warnings)


def test_targets_past_the_limit_are_cut_with_a_warning(seed_dir: Path) -> None:
    data = (seed_dir / "jiangsu_province_2012_action_plan.txt").read_bytes()
    whole = extract_bytes(data, "plan.txt")
    assert len(whole.targets) > 3
    cut = extract_bytes(data, "plan.txt", limits=ReadLimits(targets=3))
    assert cut.targets == whole.targets[:3]
    assert f"{len(whole.targets)} targets found, the first 3 kept (limit: targets)" in cut.warnings


def test_text_past_the_character_limit_is_cut_with_a_warning(seed_dir: Path) -> None:
    data = (seed_dir / "jiaze_town_2016_opinion.txt").read_bytes()
    doc = extract_bytes(data, "plan.txt", limits=ReadLimits(characters=300))
    assert len(doc.text) <= 300 and doc.title == "嘉泽镇2016年质量强镇工作的实施意见"
    assert "text cut after 300 characters (limit: characters)" in doc.warnings


# --- hostile files in a loaded folder (issue 17) ---------------------------------------------


def _outcomes(folder: Path, **options: bool) -> dict[str, object]:
    """What a batch over ``folder`` made of each file, by name; fails if it blocks (a FIFO
    opened for reading waits for a writer forever)."""
    done: list[dict[str, object]] = []
    worker = threading.Thread(
        target=lambda: done.append({p.name: o for p, o in iter_extract([folder], **options)}),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=60)
    assert done, "the batch blocked"
    return done[0]


def test_a_symlink_out_of_the_loaded_folder_is_refused_unless_allowed(
    tmp_path: Path, seed_dir: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "passwd.txt"
    shutil.copy(seed_dir / "jiaze_town_2016_opinion.txt", secret)
    (outside / "more").mkdir()
    shutil.copy(seed_dir / "jiaze_town_2016_opinion.txt", outside / "more" / "plan.txt")
    folder = tmp_path / "load"
    folder.mkdir()
    (folder / "x.txt").symlink_to(secret)
    (folder / "linked").symlink_to(outside / "more")
    shutil.copy(seed_dir / "jiaze_town_2016_opinion.txt", folder / "real.txt")
    (folder / "same.txt").symlink_to(folder / "real.txt")  # inside the folder: fine

    refused = _outcomes(folder)
    assert set(refused) == {"x.txt", "linked", "real.txt", "same.txt"}
    for name in ("x.txt", "linked"):
        reject = refused[name]
        assert isinstance(reject, RejectedDocument), name
        assert "symbolic link out of the loaded folder" in reject.reason
        assert "--follow-symlinks" in reject.reason
    assert refused["same.txt"].title == refused["real.txt"].title  # type: ignore[attr-defined]

    allowed = _outcomes(folder, follow_symlinks=True)
    assert set(allowed) == {"x.txt", "plan.txt", "real.txt", "same.txt"}
    assert not any(isinstance(o, RejectedDocument) for o in allowed.values())


def test_a_fifo_and_a_device_are_rejected_without_being_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    outcomes = _outcomes(tmp_path, follow_symlinks=True)
    assert set(outcomes) == {"pipe.txt", "zero.txt"}
    pipe, zero = outcomes["pipe.txt"], outcomes["zero.txt"]
    assert isinstance(pipe, RejectedDocument) and isinstance(zero, RejectedDocument)
    assert pipe.reason == "a FIFO (named pipe), not a document file; not opened"
    assert zero.reason == "a character device, not a document file; not opened"
    # named on the command line, the link to a device is refused as leaving the folder
    assert "symbolic link" in _rejected(tmp_path / "zero.txt").reason


def test_html_nested_ten_thousand_deep_is_read(tmp_path: Path, seed_dir: Path) -> None:
    lines = seed_lines(seed_dir / "jiaze_town_2016_opinion.txt")
    body = "".join(f"<p>{line}</p>" for line in lines)
    page = "<html><body>" + "<div>" * 10_000 + body + "</div>" * 10_000 + "</body></html>"
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    doc = extract_file(path)
    assert doc.title == "嘉泽镇2016年质量强镇工作的实施意见"
    assert [s.path for s in doc.sections] == [
        s.path for s in extract_bytes("\n".join(lines).encode(), "plan.txt").sections
    ]


def test_a_utf8_title_over_a_gbk_body_is_read(tmp_path: Path, seed_dir: Path) -> None:
    lines = seed_lines(seed_dir / "jiaze_town_2016_opinion.txt")
    title = "嘉泽镇2016年质量强镇工作的实施意见"
    page = (
        b"<html><head><meta charset=gbk><title>"
        + title.encode("utf-8")
        + b"</title></head><body>"
        + "".join(f"<p>{line}</p>" for line in lines[1:]).encode("gb18030")
        + b"</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page)
    doc = extract_file(path)
    assert doc.title == title and doc.source.encoding == "gb18030"
    assert "page title read as UTF-8 over a gb18030 body" in doc.warnings
    assert "质量" in doc.text


def test_a_15_mb_single_line_loads(tmp_path: Path, seed_dir: Path) -> None:
    lines = seed_lines(seed_dir / "jiaze_town_2016_opinion.txt")
    path = tmp_path / "one_line.txt"
    body = "".join(lines[1:])
    path.write_text(lines[0] + body * (15_000_000 // len(body.encode())), encoding="utf-8")
    assert path.stat().st_size > 14_000_000
    doc = extract_file(path)
    assert doc.text.startswith(lines[0])
    assert "text cut after 1000000 characters (limit: characters)" in doc.warnings


def test_a_newline_in_a_file_name_cannot_forge_a_reject_line(tmp_path: Path) -> None:
    forged = tmp_path / "a.txt: empty file\nrejected shadow.txt"
    forged.write_bytes(b"")
    (outcome,) = _outcomes(tmp_path).values()
    assert isinstance(outcome, RejectedDocument)
    assert "\n" not in str(outcome) and str(outcome).endswith(": empty file")
    assert outcome.path == str(forged)  # the name itself is kept as it is
