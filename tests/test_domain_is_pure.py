"""ARCHITECTURE.md: nothing in ksad_app/domain knows Frappe exists."""

import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parent.parent / "ksad_app" / "domain"


def test_domain_modules_do_not_import_frappe():
	offenders = []
	for path in DOMAIN.glob("*.py"):
		tree = ast.parse(path.read_text(encoding="utf-8"))
		for node in ast.walk(tree):
			names = []
			if isinstance(node, ast.Import):
				names = [a.name for a in node.names]
			elif isinstance(node, ast.ImportFrom) and node.module:
				names = [node.module]
			offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "frappe"]
	assert offenders == []
