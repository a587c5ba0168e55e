"""Measuring tools behind ``bench ksad-scale-data`` and ``bench ksad-benchmark``: the synthetic national dataset
and the benchmark against hand-written SQL. Nothing that serves a request imports from here."""
