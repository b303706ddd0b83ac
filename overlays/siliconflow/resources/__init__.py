"""Tier 3, resources: the endpoints a client exposes (`models`, `user`, `files`, `batches`) and the
raw-response wrappers. Imports `_core`, `_streaming` and the generated package."""
