"""Hand-written layer over the generated `siliconflow_api` client.

The generator never touches this package. It adds what openapi-python-client cannot generate:
SSE streaming, accumulation of stream chunks into a `ChatCompletion`, SiliconFlow's errors,
retries, timeouts and thinking-mode helpers.
"""
