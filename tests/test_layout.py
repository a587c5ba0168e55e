"""ARCHITECTURE.md's shape, read from the source: the rooms, no import cycle, thin controllers that import no
other controller, and measuring tools that nothing serving a request imports."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "ksad_app"
CONTROLLER_LIMIT = 450
ROOMS = ("api.py", "controllers", "domain", "notifications", "overrides", "permissions.py", "scale", "setup")
ROOMS += ("workflow", "integrations", "hooks.py", "commands.py", "public_register", "www")


def module_name(path: Path) -> str:
	parts = path.relative_to(ROOT).with_suffix("").parts
	return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in APP.rglob("*.py")}


def is_test(module: str) -> bool:
	return ".tests" in module or module.rsplit(".", 1)[-1].startswith("test_")


def is_controller(module: str) -> bool:
	"""``ksad_app.ksad.doctype.<name>.<name>``: a DocType's controller."""
	parts = module.split(".")
	return len(parts) == 5 and parts[1:3] == ["ksad", "doctype"] and parts[3] == parts[4]


def type_checking_lines(tree: ast.Module) -> set[int]:
	"""The lines inside ``if TYPE_CHECKING:`` blocks: the child-table types Frappe writes into a controller."""
	lines = set()
	for node in ast.walk(tree):
		if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
			for inner in ast.walk(node):
				if hasattr(inner, "lineno"):
					lines.add(inner.lineno)
	return lines


def imports(module: str, with_type_checking: bool = False) -> set[str]:
	"""The app's modules ``module`` imports, at the top or inside functions."""
	tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
	skip = set() if with_type_checking else type_checking_lines(tree)
	found = set()
	for node in ast.walk(tree):
		if getattr(node, "lineno", None) in skip:
			continue
		if isinstance(node, ast.Import):
			found |= {a.name for a in node.names if a.name in MODULES}
		elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
			for alias in node.names:
				full = f"{node.module}.{alias.name}"
				if full in MODULES:
					found.add(full)
				elif node.module in MODULES:
					found.add(node.module)
	return found - {module}


def test_the_rooms_are_there():
	assert sorted(p.name for p in APP.iterdir() if p.name in ROOMS) == sorted(ROOMS)


def test_no_import_cycle():
	graph = {m: imports(m, with_type_checking=True) for m in MODULES}
	cycles, done, path = [], set(), []

	def visit(module: str) -> None:
		if module in path:
			cycles.append([*path[path.index(module) :], module])
			return
		if module in done:
			return
		path.append(module)
		for dependency in sorted(graph[module]):
			visit(dependency)
		path.pop()
		done.add(module)

	for module in sorted(graph):
		visit(module)
	assert cycles == []


def test_no_module_imports_a_controller():
	"""What two DocTypes share lives in a module both import (controllers/, workflow/), never in a controller."""
	offenders = [
		f"{m} imports {d}" for m in MODULES if not is_test(m) for d in imports(m) if is_controller(d)
	]
	assert offenders == []


def test_controllers_are_thin():
	too_long = {
		m: n
		for m, p in MODULES.items()
		if is_controller(m) and (n := len(p.read_text(encoding="utf-8").splitlines())) > CONTROLLER_LIMIT
	}
	assert too_long == {}


def test_workflow_asks_the_domain():
	assert "ksad_app.domain.stages" in imports("ksad_app.workflow.moves")


def test_nothing_serving_a_request_imports_the_measuring_tools():
	"""``scale/`` is reached by the bench commands only (commands.py imports it inside the commands)."""
	offenders = [
		f"{m} imports {d}"
		for m in MODULES
		if not (is_test(m) or m.startswith("ksad_app.scale") or m == "ksad_app.commands")
		for d in imports(m)
		if d.startswith("ksad_app.scale")
	]
	assert offenders == []
