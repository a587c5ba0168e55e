"""The shell scripts of the README: they parse, `setup --help` answers, and
the MariaDB credentials are taken in the documented order (scripts/lib/mariadb-root.sh)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = ["scripts/setup", "scripts/run-tests", "scripts/lib/mariadb-root.sh", ".ci/run"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_parses(script):
	subprocess.run(["bash", "-n", str(REPO / script)], check=True)


def test_setup_help_lists_the_options():
	out = subprocess.run(
		[str(REPO / "scripts/setup"), "--help"], check=True, capture_output=True, text=True
	).stdout
	for option in (
		"--yes",
		"--frappe-path",
		"--frappe-branch",
		"--bench-path",
		"--no-procfile",
		"--no-start",
	):
		assert option in out


def test_setup_refuses_an_unknown_option():
	r = subprocess.run([str(REPO / "scripts/setup"), "--frobnicate"], capture_output=True, text=True)
	assert r.returncode == 2
	assert "unknown option" in r.stdout


def credentials(
	tmp_path: Path, env: dict[str, str], my_cnf: str | None = None, bench_conf: dict | None = None
):
	home = tmp_path / "home"
	home.mkdir(parents=True, exist_ok=True)
	if my_cnf is not None:
		(home / ".my.cnf").write_text(my_cnf)
	bench = tmp_path / "bench"
	if bench_conf is not None:
		(bench / "sites").mkdir(parents=True, exist_ok=True)
		(bench / "sites" / "common_site_config.json").write_text(json.dumps(bench_conf))
	script = (
		f'BENCH="{bench}"; . "{REPO}/scripts/lib/mariadb-root.sh"; '
		'echo "$DB_ROOT_USER|$DB_ROOT_PASSWORD|$DB_ROOT_SOURCE"; db_root_cleanup'
	)
	clean = {k: v for k, v in os.environ.items() if not k.startswith("MARIADB_")}
	out = subprocess.run(
		["bash", "-c", script],
		env={**clean, "HOME": str(home), **env},
		check=True,
		capture_output=True,
		text=True,
	)
	return out.stdout.strip().split("|")


def test_variables_come_first(tmp_path):
	user, password, source = credentials(
		tmp_path,
		{"MARIADB_ROOT_USER": "admin", "MARIADB_ROOT_PASSWORD": "from-env"},
		my_cnf="[client]\nuser=root\npassword=from-cnf\n",
		bench_conf={"root_login": "x", "root_password": "from-bench"},
	)
	assert (user, password) == ("admin", "from-env")
	assert "MARIADB_ROOT" in source


def test_my_cnf_client_section_comes_next(tmp_path):
	user, password, _ = credentials(
		tmp_path,
		{},
		my_cnf='[mysqld]\npassword=not-this\n\n[client]\nuser = dba\npassword = "s3cret"\n',
		bench_conf={"root_login": "x", "root_password": "from-bench"},
	)
	assert (user, password) == ("dba", "s3cret")


def test_then_the_bench_config_then_root_without_password(tmp_path):
	user, password, _ = credentials(
		tmp_path, {}, bench_conf={"root_login": "benchadmin", "root_password": "pw"}
	)
	assert (user, password) == ("benchadmin", "pw")
	user, password, source = credentials(tmp_path / "other", {})
	assert (user, password) == ("root", "")
	assert "empty password" in source
