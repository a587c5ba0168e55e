"""Setting a site up for KSAD: install and migrate (shipped data, indexes), uninstall, the demo, users and their
region grants, and bringing a region's existing register in."""
