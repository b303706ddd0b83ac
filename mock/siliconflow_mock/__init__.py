"""A mock SiliconFlow server driven by `openapi.yaml`, for tests, demos and contract runs."""
