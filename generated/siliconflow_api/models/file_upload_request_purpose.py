from typing import Literal

FileUploadRequestPurpose = Literal["batch"]

FILE_UPLOAD_REQUEST_PURPOSE_VALUES: set[FileUploadRequestPurpose] = {
    "batch",
}


def check_file_upload_request_purpose(value: str) -> FileUploadRequestPurpose:
    if value in FILE_UPLOAD_REQUEST_PURPOSE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {FILE_UPLOAD_REQUEST_PURPOSE_VALUES!r}"
    )
