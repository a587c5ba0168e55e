"""Derive ksad_app/data/regional_government.csv from the idn-area-data npm package.

Usage (from the repository root)::

    npm pack idn-area-data@4.0.1 && tar xzf idn-area-data-4.0.1.tgz
    python3 scripts/derive_regions.py package/data

The source data is (c) Fityan Nugroho and contributors, published under the
Open Database License (ODbL) 1.0; the derived file keeps that licence (see
ksad_app/data/ATTRIBUTION.md). Only provinces and kabupaten/kota are taken,
with their official Kemendagri codes; the derivation adds the region type,
the title of the head of the region (Pasal 1 angka 3) and whether the region
is an autonomous daerah (the kabupaten/kota *administrasi* of DKI Jakarta are
not, so they cannot be a party to a KSAD).
"""

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ksad_app" / "data" / "regional_government.csv"


def main(src: Path) -> None:
	rows = []
	with open(src / "provinces.csv", newline="", encoding="utf-8") as f:
		for r in csv.DictReader(f):
			rows.append((r["code"], "", r["name"], "Provinsi", "Gubernur", 1))
	with open(src / "regencies.csv", newline="", encoding="utf-8") as f:
		for r in csv.DictReader(f):
			name = r["name"]
			if name.startswith("Kabupaten"):
				region_type, head = "Kabupaten", "Bupati"
			elif name.startswith("Kota"):
				region_type, head = "Kota", "Walikota"
			else:
				raise SystemExit(f"unknown region type: {name}")
			autonomous = 0 if "Administrasi" in name else 1
			rows.append((r["code"], r["province_code"], name, region_type, head, autonomous))
	with open(OUT, "w", newline="", encoding="utf-8") as f:
		w = csv.writer(f, lineterminator="\n")
		w.writerow(["code", "parent_code", "region_name", "region_type", "head_title", "is_autonomous"])
		w.writerows(rows)
	print(f"wrote {len(rows)} regions to {OUT}")


if __name__ == "__main__":
	main(Path(sys.argv[1]))
