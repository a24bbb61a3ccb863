"""Readers: every format comes through with its metadata; bad records are reported, good ones kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.readers import ReadReport, detect_format, read_papers

from .conftest import SAMPLE


def read(*paths, fmt=None):
    report = ReadReport()
    return list(read_papers(paths, report, fmt)), report


def test_hf_daily_reader_reads_all_72_sample_papers_with_metadata():
    papers, report = read(SAMPLE)
    assert len(papers) == 72
    assert report.skipped == 0
    first = papers[0]
    assert first.title.startswith("AlignScore")
    assert first.date == "2023-05-26" and first.authors_count == 4
    baidu = next(p for p in papers if p.title.startswith("Knowledge-Level Consistency"))
    assert baidu.organizations == ["Baidu"] and baidu.authors_count is None
    google = next(p for p in papers if p.title == "Extracting alignment data in open models")
    assert google.organizations == ["Google"] and google.upvotes == 3
    # The one entry without any metadata block keeps its title and abstract.
    bare = next(p for p in papers if p.title.startswith("Uncovering the Computational"))
    assert bare.abstract.startswith("The ability to translate") and bare.date is None


def test_hf_daily_dates_without_year_take_the_year_after_the_latest_explicit_one():
    papers, _ = read(SAMPLE)
    assert {p.date[:4] for p in papers if p.date} == {"2022", "2023", "2024", "2025"}


def test_jsonl_reader_reports_bad_lines_by_number_and_keeps_good_records(data_dir):
    papers, report = read(data_dir / "papers.jsonl")
    assert [p.id for p in papers] == ["sample-1", "sample-2", "sample-3"]
    by_line = {p.source.rsplit(":", 1)[1]: p.reason for p in report.problems if p.skipped}
    assert "invalid JSON" in by_line["2"]
    assert "missing abstract" in by_line["4"]
    assert "not a JSON object" in by_line["6"]
    assert report.duplicates == 1
    # The duplicate's extra field was merged into the first copy.
    assert papers[0].url == "https://arxiv.org/abs/2305.16739"
    assert "read 3 paper(s)" in report.summary() and "skipped 3" in report.summary()


def test_jsonl_reader_takes_a_bare_year_as_the_date(tmp_path):
    path = tmp_path / "papers.jsonl"
    lines = [
        {"id": "p1", "title": "A", "abstract": "An abstract.", "year": 2019},
        {"id": "p2", "title": "B", "abstract": "Another abstract.", "year": 2021, "date": "2021-03-04"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    papers, _ = read(path)
    assert [p.date for p in papers] == ["2019", "2021-03-04"]


def test_dates_come_out_in_one_iso_form_whatever_form_the_export_wrote(tmp_path: Path) -> None:
    """Questions by month read the date's first seven characters: "2024/01/05" or "January 2024"
    kept as written made months called "2024/01" and "January"."""
    path = tmp_path / "papers.jsonl"
    dates = [
        "2024/1/5",
        "January 2024",
        "Jan. 5, 2024",
        "5 March 2023",
        "2022-07-09T10:00:00Z",
        "2021.11",
        "08/21/2018",
    ]
    lines = [{"id": f"p{i}", "title": f"T{i}", "abstract": "An abstract.", "date": d} for i, d in enumerate(dates)]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    papers, report = read(path)
    assert [p.date for p in papers] == [
        "2024-01-05",
        "2024-01",
        "2024-01-05",
        "2023-03-05",
        "2022-07-09",
        "2021-11",
        "2018-08-21",
    ]
    assert report.problems == []


def test_a_date_it_cannot_read_keeps_its_year_and_is_reported_by_line(tmp_path: Path) -> None:
    """ "Spring 2024" is no month; keeping it whole would make a month called "Spring "."""
    path = tmp_path / "papers.jsonl"
    lines = [
        {"id": "a", "title": "A", "abstract": "An abstract.", "date": "Spring 2024"},
        {"id": "b", "title": "B", "abstract": "An abstract.", "date": "2024-13-01"},
        {"id": "c", "title": "C", "abstract": "An abstract.", "date": "n.d."},
        {"id": "d", "title": "D", "abstract": "An abstract.", "date": "11/02/2020"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    papers, report = read(path)
    assert [p.date for p in papers] == ["2024", "2024", None, "2020"]  # "11/02": November or February
    assert [(p.source.rsplit(":", 1)[1], p.skipped) for p in report.problems] == [
        ("1", False),
        ("2", False),
        ("3", False),
        ("4", False),
    ]
    assert "kept its year, 2024" in report.problems[0].reason and "left out" in report.problems[2].reason


def test_a_bibtex_month_joins_the_year(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(
        "@article{a, title = {A}, abstract = {An abstract.}, year = {2023}, month = may}\n"
        "@article{b, title = {B}, abstract = {An abstract.}, year = {2022}, month = {11}}\n"
        "@article{c, title = {C}, abstract = {An abstract.}, year = {2021}}\n"
    )
    papers, report = read(path)
    assert [p.date for p in papers] == ["2023-05", "2022-11", "2021"]
    assert report.problems == []


def test_arxiv_reader_takes_ids_without_version_and_affiliations(data_dir):
    papers, report = read(data_dir / "arxiv.atom")
    assert [p.id for p in papers] == ["arxiv:2305.16739", "arxiv:2510.00001"]
    assert papers[0].organizations == ["Tsinghua University"]
    assert papers[0].authors_count == 2 and papers[0].date == "2023-05-26"
    assert any("entry 3" in p.source and "missing abstract" in p.reason for p in report.problems)


def test_openalex_reader_rebuilds_abstract_from_inverted_index(data_dir):
    papers, report = read(data_dir / "openalex.json")
    assert len(papers) == 1
    work = papers[0]
    assert work.id == "openalex:W4385570052"
    assert work.abstract.startswith("Many text generation applications require")
    assert work.organizations == [
        "University of California, San Diego",
        "Mohamed bin Zayed University of Artificial Intelligence",
    ]
    assert any("record 2" in p.source for p in report.problems)


def test_bibtex_reader_reports_broken_entry_line_and_reads_the_rest(data_dir):
    papers, report = read(data_dir / "papers.bib")
    assert [p.id for p in papers] == ["arxiv:2510.12345", papers[1].id]
    assert papers[1].title.startswith("UniEdit-I")
    broken = [p for p in report.problems if p.skipped]
    assert len(broken) == 1 and broken[0].source.endswith(":9") and "broken2024" in broken[0].reason


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("papers.jsonl", "jsonl"),
        ("arxiv.atom", "arxiv"),
        ("openalex.json", "json"),
        ("papers.bib", "bibtex"),
        ("hf-daily-excerpt.txt", "hf-daily"),
    ],
)
def test_format_is_detected_from_name_and_content(data_dir, name, expected):
    assert detect_format(data_dir / name) == expected


def test_format_detection_looks_at_content_when_the_suffix_says_nothing(tmp_path, data_dir):
    target = tmp_path / "export"
    target.write_bytes((data_dir / "papers.bib").read_bytes())
    assert detect_format(target) == "bibtex"


def test_empty_file_and_missing_path_are_reported_not_fatal(tmp_path, data_dir):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    papers, report = read(empty, tmp_path / "nope.json", data_dir / "papers.jsonl")
    assert len(papers) == 3
    reasons = " ".join(p.reason for p in report.problems)
    assert "empty file" in reasons and "no such file" in reasons


def test_wrong_encoding_is_read_with_a_warning(tmp_path):
    path = tmp_path / "latin.jsonl"
    record = {"title": "Résumé of Café Models", "abstract": "We evaluate the naïve approach on MMLU."}
    path.write_bytes(json.dumps(record, ensure_ascii=False).encode("cp1252"))
    papers, report = read(path)
    assert papers[0].title == "Résumé of Café Models"
    assert any("not valid UTF-8" in p.reason and not p.skipped for p in report.problems)


def test_huge_fields_are_cut_with_a_warning(tmp_path):
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"title": "Big", "abstract": "word " * 100_000}))
    papers, report = read(path)
    assert len(papers[0].abstract) <= 20_000
    assert any("kept the first" in p.reason for p in report.problems)


def test_folder_input_reads_every_file_once(tmp_path, data_dir):
    for name in ("papers.jsonl", "papers.bib"):
        (tmp_path / name).write_bytes((data_dir / name).read_bytes())
    papers, report = read(tmp_path)
    # papers.bib holds Flip-Flop and UniEdit-I, which papers.jsonl also has: merged by title.
    assert len(papers) == 3 and report.duplicates == 3
    assert report.files == 2


def test_duplicate_titles_merge_across_formats(data_dir):
    papers, report = read(data_dir / "papers.jsonl", data_dir / "arxiv.atom")
    titles = [p.title for p in papers]
    assert len(titles) == len(set(titles))
    assert report.duplicates >= 2


def test_no_paper_lost_silently(data_dir):
    """Every record either comes through or is named in the report."""
    lines = [ln for ln in Path(data_dir / "papers.jsonl").read_text().splitlines() if ln.strip()]
    papers, report = read(data_dir / "papers.jsonl")
    assert len(papers) + report.skipped + report.duplicates == len(lines)


def test_latex_text_styles_in_an_abstract_read_as_their_words(tmp_path):
    path = tmp_path / "arxiv.jsonl"
    abstract = r"We propose \emph{Zorb Sampling} (ZS) and \textbf{Quux Bundling}; $O(n)$ and \cite{x} stay."
    path.write_text(json.dumps({"title": "Zorb", "abstract": abstract}))
    papers, _ = read(path)
    assert papers[0].abstract == r"We propose Zorb Sampling (ZS) and Quux Bundling; $O(n)$ and \cite{x} stay."


def test_jsonl_records_holding_unicode_line_separators_stay_whole(tmp_path: Path) -> None:
    """JSON strings may hold U+2028, U+0085 or a form feed unescaped (abstracts pasted from
    PDFs do); only a newline ends a JSON Lines record, so such a record is read, not skipped."""
    path = tmp_path / "papers.jsonl"
    lines = [
        {"id": "p1", "title": "Zorb", "abstract": "We propose Zorb.\u2028It is evaluated on MMLU."},
        {"id": "p2", "title": "Quux", "abstract": "We propose Quux.\x85\x0cIt beats Zorb."},
        {"id": "p3", "title": "Blip", "abstract": "We propose Blip."},
    ]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\r\n" for line in lines), encoding="utf-8")
    papers, report = read(path)
    assert [p.id for p in papers] == ["p1", "p2", "p3"]
    assert report.problems == []
    assert [p.source for p in papers] == [f"{path}:1", f"{path}:2", f"{path}:3"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_files_with_a_byte_order_mark_are_read_as_utf16(tmp_path: Path, encoding: str) -> None:
    """PowerShell's `>` and Excel's "Unicode text" write UTF-16 with a BOM; read as Windows-1252,
    every record was skipped as invalid JSON and a suffix-less file's format was guessed wrong."""
    record = {"id": "p1", "title": "Résumé of Café Models", "abstract": "We evaluate the naïve approach on MMLU."}
    path = tmp_path / "papers.jsonl"
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # the "utf-16" codec writes its own
    path.write_bytes((bom + json.dumps(record, ensure_ascii=False) + "\n").encode(encoding))
    papers, report = read(path)
    assert [p.title for p in papers] == ["Résumé of Café Models"]
    assert report.problems == []
    bare = tmp_path / "export"
    bare.write_bytes((bom + "@article{k, title={Zorb}, abstract={We propose Zorb.}}\n").encode(encoding))
    assert detect_format(bare) == "bibtex"


def test_a_built_graph_folder_inside_an_input_folder_is_passed_over(tmp_path: Path, data_dir) -> None:
    """`kg build .` run again read its own ./kg-out as papers: a screenful of skipped CSVs,
    graph files and extraction records. Such a folder is now noted once and not read."""
    (tmp_path / "papers.jsonl").write_bytes((data_dir / "papers.jsonl").read_bytes())
    built = tmp_path / "kg-out"
    (built / "neo4j-import").mkdir(parents=True)
    for name in ("manifest.json", "graph.json", "extractions.jsonl", "neo4j-import/papers.csv"):
        (built / name).write_text('{"paper": {"id": "x", "title": "T", "abstract": "We propose X."}}\n')
    papers, report = read(tmp_path)
    assert [p.id for p in papers] == ["sample-1", "sample-2", "sample-3"]
    assert report.files == 1
    assert [(p.source, p.skipped) for p in report.problems if "kg-out" in p.source] == [(str(built), False)]


def test_a_file_of_unknown_format_is_reported_with_its_path_once(tmp_path: Path) -> None:
    """The report line read "notes.docx: skipped: unknown format: notes.docx: cannot tell ..."."""
    path = tmp_path / "notes.docx"
    path.write_text("some notes\n")
    _, report = read(path)
    assert [str(p) for p in report.problems] == [
        f"{path}: skipped: unknown format: cannot tell the format; pass --format with one of "
        "hf-daily, jsonl, json, openalex, arxiv, bibtex"
    ]


def test_bibtex_entries_written_on_one_line_are_read(tmp_path: Path) -> None:
    """The entry's closing brace was stripped together with every brace before it, so an
    entry ending "abstract = {...}}" on one line was 'malformed' and its paper lost; so was one
    with a trailing comma followed by a comment before the next entry."""
    path = tmp_path / "refs.bib"
    path.write_text(
        "@article{zorb, title = {Zorb}, abstract = {We propose {Zorb}.}}\n"
        "@misc(quux, title = {Quux}, abstract = {We propose Quux (Q).})\n"
        "@article{blip,\n  title = {Blip},\n  abstract = {We propose Blip.},\n}\nfrom the lab's list\n"
    )
    papers, report = read(path)
    assert [(p.title, p.abstract) for p in papers] == [
        ("Zorb", "We propose Zorb."),
        ("Quux", "We propose Quux (Q)."),
        ("Blip", "We propose Blip."),
    ]
    assert report.problems == []


def test_the_summary_counts_broken_bibtex_entries_and_xml_by_kind(tmp_path: Path) -> None:
    """The entry key and the XML column came before the reason's colon, so the summary listed
    "1 malformed BibTeX entry 'a', 1 malformed BibTeX entry 'b'" instead of one count."""
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{a, title = {A {, abstract = {x}}\n@article{b, title = {B {, abstract = {y}}\n")
    atom = tmp_path / "feed.atom"
    atom.write_text("<feed>\n<entry></feed>\n")
    _, report = read(bib, atom)
    assert report.skip_reasons() == {"malformed BibTeX entry": 2, "malformed XML": 1}
    assert report.problems[0].reason == "malformed BibTeX entry: unbalanced braces in a field value (entry 'a')"
    assert report.problems[2].reason == "malformed XML: mismatched tag: line 2, column 9"


def test_invalid_json_reasons_read_as_one_phrase(tmp_path: Path) -> None:
    """json's "Unterminated string starting at" came before our "at column 12": "at at"."""
    lines, whole = tmp_path / "papers.jsonl", tmp_path / "papers.json"
    lines.write_text('{"title": "Zorb\n')
    whole.write_text('[{"title": "Zorb}]')
    _, report = read(lines, whole)
    assert [p.reason for p in report.problems] == [
        "invalid JSON: Unterminated string starting at column 11",
        "invalid JSON: Unterminated string starting at column 12; nothing in this file could be read",
    ]
