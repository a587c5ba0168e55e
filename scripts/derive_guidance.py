"""Derive ksad_app/data/guidance_item.csv from the text of Permendagri No. 23 Tahun 2009.

Usage: python3 scripts/derive_guidance.py <permendagri-23-2009.txt> > ksad_app/data/guidance_item.csv

Every point of Pasal 6 (Sekretariat Bersama) and Pasal 10 (TKKSD) becomes one
Guidance Item, coded ``<pasal>.<tahapan>.<number>[.<letter>]``. A point with
sub-points (``1. memberikan informasi mengenai:``) is not an item itself; each
sub-point is, and its description starts with the point's lead-in, so every
item reads as a whole sentence of the regulation. The words are the
regulation's own, unchanged.
"""

import csv
import re
import sys

ARTICLES = {"6": "Sekretariat Bersama", "10": "Tim Koordinasi Kerja Sama Daerah"}
TAHAPAN = {"a": "Penjajakan", "b": "Negosiasi", "c": "Penandatanganan", "d": "Pelaksanaan dan Pengakhiran"}
ARTICLE_RE = re.compile(r"^#*\s*Pasal (\d+)\s*$")
TAHAP_RE = re.compile(r"^-\s*([a-d])\.\s+Tahap\b")
POINT_RE = re.compile(r"^(?:-\s*)?([1-9])\.\s+(.*)$")
SUB_RE = re.compile(r"^-\s*([a-f])\)\s+(.*)$")


def items(lines: list[str]) -> list[dict]:
	out: list[dict] = []
	article = letter = None
	point = lead = None
	for raw in lines:
		line = raw.strip()
		if m := ARTICLE_RE.match(line):
			article, letter, point = (m.group(1) if m.group(1) in ARTICLES else None), None, None
			continue
		if article is None or not line:
			continue
		if m := TAHAP_RE.match(line):
			letter, point = m.group(1), None
			continue
		if letter is None:
			continue
		if m := SUB_RE.match(line):
			if point is None:
				raise SystemExit(f"sub-point without a point: {line!r}")
			out[:] = [i for i in out if i["code"] != f"{article}.{letter}.{point}"]
			out.append(row(article, letter, f"{point}.{m.group(1)}", f"{lead} {m.group(2)}"))
			continue
		if m := POINT_RE.match(line):
			point, lead = m.group(1), m.group(2)
			out.append(row(article, letter, point, lead))
	return out


def row(article: str, letter: str, rest: str, text: str) -> dict:
	return {
		"code": f"{article}.{letter}.{rest}",
		"article": f"Pasal {article}",
		"stage": TAHAPAN[letter],
		"body_type": ARTICLES[article],
		"description": text,
	}


def main() -> None:
	with open(sys.argv[1], encoding="utf-8") as f:
		rows = items(f.read().splitlines())
	for n, r in enumerate(rows, 1):
		r["sort_order"] = n
	writer = csv.DictWriter(
		sys.stdout, fieldnames=["code", "article", "stage", "body_type", "sort_order", "description"]
	)
	writer.writeheader()
	writer.writerows(rows)


if __name__ == "__main__":
	main()
