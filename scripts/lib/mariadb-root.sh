# MariaDB administrative credentials for scripts/setup and scripts/run-tests.
#
# Source it after setting BENCH (the bench path, may not exist yet). It sets
# DB_ROOT_USER and DB_ROOT_PASSWORD from, in this order:
#   1. MARIADB_ROOT_USER / MARIADB_ROOT_PASSWORD (the documented variables);
#   2. the [client] section of ~/.my.cnf (user=, password=);
#   3. the bench's sites/common_site_config.json (root_login / root_password,
#      as scripts/setup leaves them);
#   4. user root with an empty password (MariaDB as Debian installs it for
#      local development).
# and defines db_root, which runs the mariadb client over TCP with them
# (the password goes through a private option file, never the command line).

DB_HOST=${MARIADB_HOST:-127.0.0.1}
DB_PORT=${MARIADB_PORT:-3306}

_mycnf_value() { # key: the value of key= in the [client] section of ~/.my.cnf
	[ -r "$HOME/.my.cnf" ] || return 0
	awk -v key="$1" '
		/^[[:space:]]*\[/ { section = $0; gsub(/[][[:space:]]/, "", section); next }
		section == "client" {
			line = $0
			sub(/^[[:space:]]+/, "", line)
			if (index(line, key) == 1) {
				rest = substr(line, length(key) + 1)
				sub(/^[[:space:]]*=[[:space:]]*/, "", rest)
				gsub(/^["'\'']|["'\'']$/, "", rest)
				print rest
				exit
			}
		}' "$HOME/.my.cnf"
}

_bench_conf_value() { # key: a value of the bench's common_site_config.json
	local conf="${BENCH:-}/sites/common_site_config.json"
	[ -r "$conf" ] || return 0
	python3 -c "import json, sys; print(json.load(open(sys.argv[1])).get(sys.argv[2]) or '')" "$conf" "$1" 2>/dev/null
}

DB_ROOT_SOURCE="default (root, empty password)"
if [ -n "${MARIADB_ROOT_USER:-}${MARIADB_ROOT_PASSWORD:-}" ]; then
	DB_ROOT_USER=${MARIADB_ROOT_USER:-root}
	DB_ROOT_PASSWORD=${MARIADB_ROOT_PASSWORD:-}
	DB_ROOT_SOURCE="MARIADB_ROOT_USER/MARIADB_ROOT_PASSWORD"
elif [ -n "$(_mycnf_value password)" ]; then
	DB_ROOT_USER=$(_mycnf_value user)
	DB_ROOT_USER=${DB_ROOT_USER:-root}
	DB_ROOT_PASSWORD=$(_mycnf_value password)
	DB_ROOT_SOURCE="$HOME/.my.cnf"
elif [ -n "$(_bench_conf_value root_password)" ]; then
	DB_ROOT_USER=$(_bench_conf_value root_login)
	DB_ROOT_USER=${DB_ROOT_USER:-root}
	DB_ROOT_PASSWORD=$(_bench_conf_value root_password)
	DB_ROOT_SOURCE="the bench's common_site_config.json"
else
	DB_ROOT_USER=root
	DB_ROOT_PASSWORD=
fi

_DB_ROOT_CNF=$(mktemp)
chmod 600 "$_DB_ROOT_CNF"
_db_root_write_cnf() {
	printf '[client]\nuser=%s\npassword="%s"\nhost=%s\nport=%s\nprotocol=tcp\n' \
		"$DB_ROOT_USER" "$DB_ROOT_PASSWORD" "$DB_HOST" "$DB_PORT" >"$_DB_ROOT_CNF"
}
_db_root_write_cnf

# db_root [mariadb options...]: the mariadb client as the administrative user
db_root() { mariadb --defaults-extra-file="$_DB_ROOT_CNF" "$@"; }
db_root_ping() { mariadb-admin --defaults-extra-file="$_DB_ROOT_CNF" ping >/dev/null 2>&1; }
# remove the option file: call it from the caller's EXIT trap
db_root_cleanup() { rm -f "$_DB_ROOT_CNF"; }
# after changing DB_ROOT_USER / DB_ROOT_PASSWORD
db_root_reload() { _db_root_write_cnf; }
