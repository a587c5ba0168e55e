# Shared by scripts/replica-demo and scripts/scale-benchmark: a throwaway mariadbd holding a copy of
# a Frappe site's database. Source it after setting BENCH, SITE, DIR, PRIMARY_HOST, PRIMARY_PORT.
# The administrative login is scripts/lib/mariadb-root.sh's (MARIADB_ROOT_USER / MARIADB_ROOT_PASSWORD,
# ~/.my.cnf, the bench's common_site_config.json, or root without a password); KSAD_TEST_DB_ADMIN /
# KSAD_TEST_DB_ADMIN_PASSWORD, when set, come first. Every server it starts is recorded in
# STARTED_PIDS (stop them by pid).

MARIADB_HOST=$PRIMARY_HOST MARIADB_PORT=$PRIMARY_PORT
# shellcheck source=scripts/lib/mariadb-root.sh
. "$(dirname "${BASH_SOURCE[0]}")/mariadb-root.sh"
if [ -n "${KSAD_TEST_DB_ADMIN:-}" ]; then
	DB_ROOT_USER=$KSAD_TEST_DB_ADMIN
	DB_ROOT_PASSWORD=${KSAD_TEST_DB_ADMIN_PASSWORD:-}
	db_root_reload
fi
DB_ADMIN=$DB_ROOT_USER

SITE_CONFIG="$BENCH/sites/$SITE/site_config.json"
[ -f "$SITE_CONFIG" ] || { echo "no site $SITE in $BENCH"; exit 2; }
conf() { python3 -c "import json; print(json.load(open('$SITE_CONFIG')).get('$1') or '')"; }
DB_NAME=$(conf db_name)
DB_PASSWORD=$(conf db_password)
OLD_DB_PORT=$(conf db_port)
STARTED_PIDS=()

admin() { db_root -N -B "$@"; }
# frappe_site command...: a bench command on the site, through the bench's own Python (no bench CLI on PATH needed)
frappe_site() { (cd "$BENCH/sites" && "$BENCH/env/bin/python" -m frappe.utils.bench_helper frappe --site "$SITE" "$@"); }

# shellcheck source=scripts/lib/site-config.sh
. "$(dirname "${BASH_SOURCE[0]}")/site-config.sh"

wait_for() { # socket
	for _ in $(seq 120); do
		mariadb-admin -S "$1" -u root ping >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "mariadbd on $1 did not start"; exit 1
}

# start_server name port server-id [mariadbd options...]: datadir $DIR/name, socket $DIR/name.sock
start_server() {
	local name=$1 port=$2 id=$3
	shift 3
	mkdir -p "$DIR/$name"
	chown -R mysql:mysql "$DIR"
	mariadb-install-db --user=mysql --datadir="$DIR/$name" --skip-test-db >"$DIR/$name-install.log" 2>&1
	/usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$DIR/$name" --port="$port" \
		--bind-address=127.0.0.1 --socket="$DIR/$name.sock" --pid-file="$DIR/$name.pid" \
		--log-error="$DIR/$name.err" --server-id="$id" --skip-name-resolve \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--innodb-flush-log-at-trx-commit=2 "$@" &
	STARTED_PIDS+=($!)
	wait_for "$DIR/$name.sock"
	echo "-- $name: mariadbd pid $! on 127.0.0.1:$port, datadir $DIR/$name"
}

stop_servers() {
	for pid in "${STARTED_PIDS[@]}"; do
		kill "$pid" 2>/dev/null && echo "-- stopped mariadbd pid $pid"
		for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
	done
}

# dump_site file [mariadb-dump options...]: a consistent snapshot of the site's database
dump_site() {
	local file=$1
	shift
	mariadb-dump --defaults-extra-file="$_DB_ROOT_CNF" \
		--single-transaction --routines --triggers "$@" "$DB_NAME" >"$file"
	echo "-- $(du -h "$file" | cut -f1) dumped"
}

# load_site name file: the site's database and user on the server $DIR/name.sock
load_site() {
	local sock="$DIR/$1.sock"
	mariadb -S "$sock" -u root -e "CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER '$DB_NAME'@'%' IDENTIFIED BY '$DB_PASSWORD';
		GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_NAME'@'%';"
	{ echo "SET sql_log_bin=0;"; cat "$2"; } | mariadb -S "$sock" -u root "$DB_NAME"
}
