# Shared by the notification drills (scripts/drill-redis-restart, scripts/drill-worker-kill): a test site
# with a local SMTP server as its outgoing account, a background worker, production's error setting, and
# the checks that every notice went out exactly once. Source it after setting REPO, BENCH, SITE, DIR and
# SMTP_PORT; call drill_site_prepare first and drill_site_restore in the EXIT trap.

SITE_CONFIG="$BENCH/sites/$SITE/site_config.json"
[ -f "$SITE_CONFIG" ] || { echo "no site $SITE in $BENCH"; exit 2; }
EVENTS="$DIR/events.jsonl"
MAIL="$DIR/mail.jsonl"
SINK_PID=""
WORKER_PID=""
OLD_OUTBOX=""
OLD_TRACEBACK=""

# a bench command on the site, through the bench's own Python; CI=true would make Frappe's jobs run as tests
frappe_site() { (cd "$BENCH/sites" && env -u CI "$BENCH/env/bin/python" -m frappe.utils.bench_helper frappe --site "$SITE" "$@"); }
site_json() { frappe_site execute "$@" 2>/dev/null | grep -m1 '^[{[]'; }
conf() { python3 -c "import json; print(json.load(open('$SITE_CONFIG')).get('$1') or '')"; }
# shellcheck source=scripts/lib/site-config.sh
. "$(dirname "${BASH_SOURCE[0]}")/site-config.sh"

drill_site_prepare() {
	[ "$(conf allow_tests)" = "True" ] || [ "$(conf allow_tests)" = "1" ] \
		|| { echo "$SITE is not a test site (allow_tests): the drill logs in as the test world's users"; exit 2; }
	(cd / && "$BENCH/env/bin/python" -c "import aiosmtpd" 2>/dev/null) \
		|| "$BENCH/env/bin/python" -m pip install -q aiosmtpd >/dev/null 2>&1 \
		|| { echo "cannot install aiosmtpd in the bench"; exit 2; }
	(cd "$DIR" && exec "$BENCH/env/bin/python" "$REPO/scripts/smtp_sink.py" "$SMTP_PORT" "$MAIL") >"$DIR/sink.log" 2>&1 &
	SINK_PID=$!
	for _ in $(seq 50); do grep -q "SMTP sink" "$DIR/sink.log" && break; sleep 0.2; done
	grep -q "SMTP sink" "$DIR/sink.log" || { cat "$DIR/sink.log"; echo "the SMTP sink did not start"; exit 1; }
	frappe_site clear-cache >/dev/null 2>&1
	OLD_OUTBOX=$(site_json ksad_app.scale.drills.set_outbox --kwargs "{'server': '127.0.0.1', 'port': $SMTP_PORT}")
	OLD_TRACEBACK=$(frappe_site execute frappe.db.get_single_value --args "['System Settings', 'allow_error_traceback']" 2>/dev/null | tail -1)
	frappe_site execute frappe.db.set_single_value --args "['System Settings', 'allow_error_traceback', 0]" >/dev/null 2>&1
	frappe_site clear-cache >/dev/null 2>&1
	echo "-- SMTP server on 127.0.0.1:$SMTP_PORT is the site's outgoing account; users see no tracebacks"
}

start_worker() {
	local before
	before=$(grep -c "^-- worker for" "$DIR/worker.log" 2>/dev/null)
	(cd "$BENCH/sites" && exec env -u CI "$BENCH/env/bin/python" "$REPO/scripts/drill_worker.py" "$SITE" "${1:-short,default,long}") \
		>>"$DIR/worker.log" 2>&1 &
	WORKER_PID=$!
	for _ in $(seq 150); do
		[ "$(grep -c "^-- worker for" "$DIR/worker.log" 2>/dev/null)" -gt "${before:-0}" ] && break
		sleep 0.2
	done
	[ "$(grep -c "^-- worker for" "$DIR/worker.log" 2>/dev/null)" -gt "${before:-0}" ] \
		|| { tail -20 "$DIR/worker.log"; echo "the worker did not start"; exit 1; }
	grep "^-- worker for" "$DIR/worker.log" | tail -1
}

stop_worker() {
	[ -n "$WORKER_PID" ] || return 0
	pkill -9 -P "$WORKER_PID" 2>/dev/null
	kill -9 "$WORKER_PID" 2>/dev/null
	wait "$WORKER_PID" 2>/dev/null
	WORKER_PID=""
}

# drill_site_restore [site_config keys to remove...]
drill_site_restore() {
	stop_worker
	for key in "$@"; do site_config "$key=None"; done
	if [ -n "$OLD_OUTBOX" ]; then
		local server port
		server=$(python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('smtp_server') or 'localhost')" "$OLD_OUTBOX")
		port=$(python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('smtp_port') or 25)" "$OLD_OUTBOX")
		frappe_site execute ksad_app.scale.drills.set_outbox --kwargs "{'server': '$server', 'port': $port}" >/dev/null 2>&1
	fi
	[ -n "$OLD_TRACEBACK" ] && frappe_site execute frappe.db.set_single_value \
		--args "['System Settings', 'allow_error_traceback', ${OLD_TRACEBACK:-0}]" >/dev/null 2>&1
	frappe_site clear-cache >/dev/null 2>&1
	[ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null
	echo "-- $SITE is back on its own Redis and mail settings"
}

remove_load_cooperations() { frappe_site execute ksad_app.scale.drills.remove_load_cooperations 2>/dev/null | grep -- "^--"; }

# What a live site does within the minute after: the worker empties its queue, the scheduler's sweep sends
# what Redis lost, Frappe's flush hands the e-mails to the SMTP server.
settle_notices() {
	local tally
	for _ in $(seq 30); do
		tally=$(site_json ksad_app.scale.drills.notice_tally "$@")
		python3 -c "import json,sys; sys.exit(0 if json.loads(sys.argv[1]).get('notices_queued', 0) == 0 else 1)" "$tally" && break
		sleep 1
	done
	QUEUED_AFTER_JOBS=$(python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('notices_queued', 0))" "$tally")
	echo "-- notices still queued after the worker emptied its queue (left to the sweep): $QUEUED_AFTER_JOBS"
	SWEPT=$(frappe_site execute ksad_app.notifications.outbox.send_queued --kwargs "{'older_than': 0}" 2>/dev/null | tail -1)
	SWEPT=${SWEPT:-0}
	echo "-- the outbox's sweep sent $SWEPT"
	frappe_site execute ksad_app.scale.drills.send_emails >/dev/null 2>&1
	local before=-1 now
	for _ in $(seq 30); do
		now=$(wc -l <"$MAIL")
		[ "$now" = "$before" ] && break
		before=$now
		sleep 1
	done
	echo "-- e-mails at the SMTP server: $(wc -l <"$MAIL")"
}

# check_outcome title t_fault t_back [notice_tally args...]
check_outcome() {
	local title=$1 t_fault=$2 t_back=$3
	shift 3
	local tally objects
	tally=$(site_json ksad_app.scale.drills.notice_tally "$@")
	objects=$(site_json ksad_app.scale.drills.cooperation_objects)
	python3 - "$title" "$EVENTS" "$MAIL" "$t_fault" "$t_back" "$tally" "$objects" "${SWEPT:-0}" <<'PY'
import json, os, sys
from collections import Counter, defaultdict

title, events_path, mail_path = sys.argv[1:4]
fault, back = float(sys.argv[4] or 0), float(sys.argv[5] or 0)
tally, objects, swept = json.loads(sys.argv[6] or "{}"), json.loads(sys.argv[7] or "{}"), sys.argv[8]
events = [json.loads(line) for line in open(events_path)] if os.path.exists(events_path) else []
mail = [json.loads(line) for line in open(mail_path)]
print(f"\n== Drill outcome: {title}")
bad = []
if events:
	failed = [e for e in events if e["status"] == 0 or e["status"] >= 500]
	statuses = Counter(e["status"] or "no answer" for e in failed)
	tracebacks = sum(e["traceback"] for e in events)
	print(f"requests: {len(events)}; failed (5xx or no answer): {len(failed)}, "
		f"{sum(fault <= e['end'] and e['start'] <= back + 1 for e in failed)} of them while Redis was down; by status: {dict(statuses)}")
	print(f"responses that showed a traceback: {tracebacks}")
	if tracebacks:
		bad.append("a traceback was shown")
	# no request lost its data: every 200 save is stored (or a later one), every 200 stage action has its row
	saves = defaultdict(list)
	for e in sorted(events, key=lambda e: e["start"]):
		if e["kind"] == "save":
			saves[e["cooperation"]].append(e)
	lost_saves = 0
	for name, rows in saves.items():
		ok = [i for i, e in enumerate(rows) if e["status"] == 200]
		if not ok:
			continue
		allowed = {rows[ok[-1]]["value"]} | {e["value"] for e in rows[ok[-1] + 1 :]}
		lost_saves += objects.get(name) not in allowed
	moves = tally.get("stage_history", {})
	answered = Counter(e["kind"].split(": ")[1] for e in events if e["kind"].startswith("workflow") and e["status"] == 200)
	lost_moves = sum(max(0, answered[a] - moves.get(a, 0)) for a in answered)
	print(f"saves answered 200: {sum(e['status'] == 200 for rows in saves.values() for e in rows)}, lost: {lost_saves}; "
		f"stage actions answered 200: {dict(answered)}, in Stage History: {moves}, lost: {lost_moves}")
	if lost_saves or lost_moves:
		bad.append("a request answered 200 lost its data")
notices, queued = tally.get("notices", 0), tally.get("notices_queued", 0)
recipients = tally.get("recipients_of_sent_notices", 0)
logs = tally.get("notification_logs", 0)
emails = tally.get("email_recipients", {})
run = [m for m in mail if "[LOAD] Uji beban" in m["subject"] or "[DRILL] Pengingat" in m["subject"]]
dupes = sum(n - 1 for n in Counter((m["to"], m["subject"], m["message_id"]) for m in run).values() if n > 1)
print(f"notices: {notices}, still queued: {queued}, sent by the sweep after the fault: {swept}")
print(f"system notifications: {logs} for {recipients} recipients of sent notices; e-mail recipients queued: {emails}; "
	f"e-mails at the SMTP server: {len(run)} (the same message twice: {dupes})")
if queued:
	bad.append("a notice was never sent")
if logs != recipients or dupes:
	bad.append("a notice went out more than once")
if len(run) != recipients or emails.get("Sent", 0) != recipients:
	bad.append("e-mails missing at the SMTP server")
print("DRILL FAILED: " + "; ".join(bad) if bad else "drill passed: no traceback shown, nothing lost, every notice out exactly once")
sys.exit(1 if bad else 0)
PY
}
