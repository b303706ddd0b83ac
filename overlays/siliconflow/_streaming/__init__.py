"""Tier 2, streaming: SSE bytes to events, events to chunks, chunks to a `ChatCompletion`, and the
sync and async stream objects. Imports `_core` and the generated package only."""
