"""Tier 1, plumbing: configuration, the error tree, the retrying transport, timeouts, redaction,
request checks, the one 2xx parser, drift, recording and per-call options. Imports only the
generated package and third-party libraries, never a tier above it."""
