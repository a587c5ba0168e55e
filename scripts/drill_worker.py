"""A background worker for one site in a fault drill, started again when Redis drops it.

    cd <bench>/sites && <bench>/env/bin/python drill_worker.py SITE [QUEUES]

Frappe's own worker (``bench worker``) reads Redis from common_site_config.json; a drill that gives its
site a private Redis (site_config.json: redis_queue) needs one that reads the site's. This is Frappe's
worker otherwise: at a lower CPU priority (Frappe's niceness), RQ's Worker on the site's queues (``short,default,long`` by default), each job run by
``frappe.utils.background_jobs.execute_job`` in a forked work horse. When Redis goes away the worker is
made again after half a second, as supervisor restarts Frappe's workers in production. Runs until killed.
"""

import sys
import time

import frappe
from frappe.utils.background_jobs import get_queue_list, get_redis_conn, set_niceness
from redis.exceptions import RedisError
from rq import Worker


def main() -> None:
	site = sys.argv[1]
	queues = (sys.argv[2] if len(sys.argv) > 2 else "short,default,long").split(",")
	frappe.init(site=site, sites_path=".")
	names = get_queue_list(queues, build_queue_name=True)
	url = frappe.conf.redis_queue
	connection = get_redis_conn()
	set_niceness()  # as Frappe's worker: background work yields the CPU to web requests
	frappe.destroy()
	print(f"-- worker for {site} on {url}: {', '.join(names)}", flush=True)
	while True:
		try:
			Worker(names, connection=connection).work(logging_level="WARNING", with_scheduler=False)
		except (RedisError, OSError) as e:
			print(f"-- worker: Redis went away ({type(e).__name__}); starting again", flush=True)
			time.sleep(0.5)


if __name__ == "__main__":
	main()
