"""Domain tier: the regulation's rules as plain Python, without frappe.

The repository root is put on sys.path so that ``ksad_app.domain`` imports
from this checkout, whatever is installed elsewhere.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
	sys.path.insert(0, str(ROOT))
