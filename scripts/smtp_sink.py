"""A local SMTP server for the notification drills: every message it gets, one JSON line per recipient.

    python smtp_sink.py PORT FILE

Runs until killed; 127.0.0.1 only. Each line: {"to": ..., "subject": ..., "message_id": ..., "at": ...}.
Needs ``aiosmtpd`` (scripts/run-tests installs it in the bench's environment).
"""

import email
import email.policy
import json
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Sink:
	def __init__(self, path: str):
		self.path = path
		self.lock = threading.Lock()

	async def handle_DATA(self, server, session, envelope):
		message = email.message_from_bytes(envelope.content, policy=email.policy.default)
		with self.lock, open(self.path, "a", encoding="utf-8") as f:
			for rcpt in envelope.rcpt_tos:
				line = {
					"to": rcpt,
					"subject": str(message["Subject"] or ""),
					"message_id": str(message["Message-Id"] or ""),
					"at": time.time(),
				}
				f.write(json.dumps(line) + "\n")
		return "250 OK"


def main() -> None:
	port, path = int(sys.argv[1]), sys.argv[2]
	open(path, "a").close()
	controller = Controller(Sink(path), hostname="127.0.0.1", port=port)
	controller.start()
	print(f"-- SMTP sink on 127.0.0.1:{port}, messages in {path}", flush=True)
	try:
		while True:
			time.sleep(3600)
	finally:
		controller.stop()


if __name__ == "__main__":
	main()
