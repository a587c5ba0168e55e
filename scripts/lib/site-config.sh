# Shared by scripts/lib/site-mariadb.sh and scripts/lib/drill-site.sh: a site's own settings, written as
# `bench set-config` writes them. Source it after setting BENCH and SITE.

# site_config key=value ... (value None removes the key)
site_config() { (cd "$BENCH/sites" && "$BENCH/env/bin/python" -c "
import sys, frappe
from frappe.installer import update_site_config
frappe.init(site='$SITE', sites_path='.')
for pair in sys.argv[1:]:
	key, value = pair.split('=', 1)
	update_site_config(key, int(value) if value.isdigit() else value, validate=False)
" "$@"); }
