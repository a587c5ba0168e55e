"""The public register of inter-regional cooperation (issue 17): the pages at ``/kerja-sama-daerah`` and the
open data, for visitors without a login. What is public is ``ksad_app.domain.public_register``; this package
reads it (``query``), keeps it in Redis (``cache``) and serves the open data (``api``)."""
