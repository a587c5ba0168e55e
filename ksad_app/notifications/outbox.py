"""The outbox: a notice leaves the request that made it, and goes out exactly once.

A stage move, a problem or dispute, a termination or a reminder writes one
``KSAD Notice`` row in the transaction of the change it reports, so a refused
change notifies nobody and a saved one is never forgotten. When that
transaction commits, a job on Frappe's ``short`` queue is asked to send
every Queued notice, unless such a job is already waiting (under load one
job, one work horse, sends many requests' notices). For each notice,
:func:`deliver` makes the system notifications (Notification Log) and the
e-mail (Email Queue, which Frappe's scheduled ``flush`` sends over SMTP) and
marks the notice Sent, holding the notice's row lock, in the transaction of
its batch (:func:`deliver_all`): a notice goes out once however many jobs
reach it, and a job killed half-way leaves its batch Queued, never half-sent.

When Redis cannot take the job (restarting, down) or loses it (the queue
lives in Redis' memory), :func:`send_queued`, every minute from the
scheduler, sends what is still Queued a minute after it was written.

Why: rendering the notifications and the e-mail inside the request kept a
stage action (Ajukan) at 2.9 s median under the 8-client load run on the
machine of issue 18; on this project's 2-vCPU machine the request alone went
from 427-445 ms to 289 ms median (README, "Notices off the request path").
"""

import frappe
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
from frappe.email.doctype.email_account.email_account import EmailAccount
from frappe.utils import add_to_date, get_url_to_form, now_datetime
from frappe.utils.background_jobs import get_job
from redis.exceptions import RedisError
from rq.job import JobStatus

NOTICE = "KSAD Notice"
QUEUED = "Queued"
SENT = "Sent"
# Seconds a notice is left to its own job before the sweep sends it.
SWEEP_AFTER = 60
SWEEP_BATCH = 500
COMMIT_EVERY = 50
# set (frappe.local.flags) when the current transaction wrote a notice: a delivery job is asked for at its commit
PENDING = "ksad_pending_notices"
# the id of the last delivery job queued (frappe.cache)
JOB_KEY = "ksad_outbox_job"


def queue_notice(users: list[str], subject: str, message: str, doctype: str, name: str) -> str:
	"""Write the notice with the current change; its job is queued when the transaction commits."""
	stamp = now_datetime()
	notice = frappe.get_doc(
		{
			"doctype": NOTICE,
			"status": QUEUED,
			"reference_doctype": doctype,
			"reference_name": name,
			"from_user": frappe.session.user,
			"recipients": "\n".join(users),
			"subject": subject,
			"message": message,
			"owner": frappe.session.user,
			"modified_by": frappe.session.user,
			"creation": stamp,
			"modified": stamp,
		}
	)
	# The app's own record of a change the user was just allowed to make: written as a row, with no
	# permission of its own to check (nobody but the System Manager reads notices).
	notice.db_insert()
	if not frappe.local.flags.get(PENDING):
		frappe.local.flags[PENDING] = True
		frappe.db.after_commit.add(enqueue_pending)
		frappe.db.after_rollback.add(forget_pending)
	return notice.name


def enqueue_pending() -> None:
	"""After the commit: make sure a delivery job is waiting in the queue."""
	if frappe.local.flags.pop(PENDING, None):
		enqueue_delivery()


def forget_pending() -> None:
	"""After a rollback: its notices were never written."""
	frappe.local.flags.pop(PENDING, None)


def enqueue_delivery() -> None:
	"""Queue the job that sends every Queued notice, unless one is already waiting in the queue (it will send
	these too: under load, one job and one work horse for many requests' notices). A job already running
	may have read the notices before this one committed, so only a waiting job counts. When Redis cannot
	take the job, the sweep sends the notices."""
	try:
		waiting = frappe.cache().get_value(JOB_KEY, expires=True)  # not a miss kept for the request
		job = get_job(waiting) if waiting else None
		if job and job.get_status() == JobStatus.QUEUED:
			return
		job_id = f"ksad-outbox-{frappe.generate_hash(length=10)}"
		frappe.enqueue("ksad_app.notifications.outbox.send_all_queued", queue="short", job_id=job_id)
		frappe.cache().set_value(JOB_KEY, job_id, expires_in_sec=3600)
	except (RedisError, OSError):
		frappe.logger("ksad_app").info("notices left to the sweep: Redis did not take their job")


def send_all_queued(rounds: int = 20) -> int:
	"""The job: send every notice Queued so far, again until none is left. Returns how many it sent."""
	sent = 0
	for _ in range(rounds):
		batch = send_queued(older_than=0)
		sent += batch
		if not batch:
			break
	return sent


def deliver_all(notices: list[str], commit: bool = True) -> int:
	"""Send each of these notices still Queued, committing every ``COMMIT_EVERY`` of them (one commit, one
	flush of MariaDB's log, for many notices; a batch is all sent or, rolled back, all still Queued).
	A batch that fails is sent again one notice at a time, so that one bad notice is logged and left
	Queued for the sweep while the others go out. Returns how many it sent."""
	sent = 0
	for start in range(0, len(notices), COMMIT_EVERY):
		batch = notices[start : start + COMMIT_EVERY]
		if not commit:
			sent += sum(deliver(name) for name in batch)
			continue
		try:
			count = sum(deliver(name) for name in batch)
			frappe.db.commit()  # nosemgrep: frappe-manual-commit -- a batch of notices, one transaction (docstring)
			sent += count
		except Exception:
			frappe.db.rollback()
			sent += deliver_each(batch)
	return sent


def deliver_each(notices: list[str]) -> int:
	"""One notice, one transaction: a notice that fails is logged and left Queued for the sweep."""
	sent = 0
	for name in notices:
		try:
			sent += deliver(name)
			frappe.db.commit()  # nosemgrep: frappe-manual-commit -- one notice, one transaction
		except Exception:
			frappe.db.rollback()
			frappe.log_error(title=frappe._("Notice {0} was not sent").format(name))
	return sent


def deliver(notice: str) -> bool:
	"""Send one notice if it is still Queued (the job). False when another job or the sweep sent it."""
	n = frappe.qb.DocType(NOTICE)
	rows = (
		frappe.qb.from_(n)
		.select(
			n.status,
			n.reference_doctype,
			n.reference_name,
			n.from_user,
			n.recipients,
			n.subject,
			n.message,
		)
		.where(n.name == notice)
		.for_update()
	).run(as_dict=True)
	if not rows or rows[0].status != QUEUED:
		return False
	row = rows[0]
	users = [u for u in (row.recipients or "").splitlines() if u]
	if users:
		send(users, row)
	(frappe.qb.update(n).set(n.status, SENT).set(n.sent_on, now_datetime()).where(n.name == notice)).run()
	return True


def send(users: list[str], row) -> None:
	"""The system notifications, and the e-mail when the site has an outgoing Email Account."""
	make_notification_logs(
		frappe._dict(
			type="Alert",
			document_type=row.reference_doctype,
			document_name=row.reference_name,
			subject=row.subject,
			email_content=row.message,
			from_user=row.from_user,
		),
		users,
	)
	if not EmailAccount.find_default_outgoing():
		return
	link = get_url_to_form(row.reference_doctype, row.reference_name)
	frappe.sendmail(
		recipients=users,
		subject=frappe.utils.strip_html(row.subject),
		message=f"<p>{row.message}</p><p><a href='{link}'>{frappe._(row.reference_doctype)} {row.reference_name}</a></p>",
		reference_doctype=row.reference_doctype,
		reference_name=row.reference_name,
	)


def send_queued(older_than: int = SWEEP_AFTER, commit: bool = True) -> int:
	"""Every minute: send the notices still Queued ``older_than`` seconds after they were written, in
	:func:`deliver_all`'s batches (``commit``; a test passes False and keeps its transaction).
	Returns how many were sent.
	"""
	cutoff = add_to_date(now_datetime(), seconds=-older_than)
	names = frappe.get_all(
		NOTICE,
		filters={"status": QUEUED, "creation": ("<=", cutoff)},
		pluck="name",
		order_by="creation asc",
		limit=SWEEP_BATCH,
	)
	return deliver_all(names, commit=commit)
