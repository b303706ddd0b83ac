from typing import Literal

BatchCreateRequestEndpoint = Literal["/v1/chat/completions"]

BATCH_CREATE_REQUEST_ENDPOINT_VALUES: set[BatchCreateRequestEndpoint] = {
    "/v1/chat/completions",
}


def check_batch_create_request_endpoint(value: str) -> BatchCreateRequestEndpoint:
    if value in BATCH_CREATE_REQUEST_ENDPOINT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BATCH_CREATE_REQUEST_ENDPOINT_VALUES!r}"
    )
