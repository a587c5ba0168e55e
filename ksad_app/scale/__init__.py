"""Measuring and drilling tools: the synthetic national dataset (``bench ksad-scale-data``), the benchmark against
hand-written SQL (``bench ksad-benchmark``) and what the fault drills check (``scripts/drill-*``). Nothing that
serves a request imports from here."""
