"""Moving a cooperation through the stages of Pasal 4, asking ``ksad_app.domain.stages`` for the rules.

``moves`` checks and records a change of workflow state, ``registration`` places
a running cooperation at its stage, ``facts`` gathers what the stage guards read,
``messages`` says why a move is refused, ``actions`` applies an action in one
transaction (retried on a deadlock), ``notifications`` tells who must know. The
controllers call this package; it never imports a controller.
"""
