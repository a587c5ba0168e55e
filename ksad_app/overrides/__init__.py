"""Where the app stands in for a Frappe 15 method or hook site-wide; each module names the gap it mends."""
