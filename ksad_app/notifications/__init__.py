"""Who hears about what: system notifications and e-mails of problems and disputes, terminations,
overdue follow-ups and the reminders to prepare a termination (the notices of stage moves are
``ksad_app.workflow.notifications``)."""
