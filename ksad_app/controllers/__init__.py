"""What the DocType controllers share, so that no controller imports another."""
