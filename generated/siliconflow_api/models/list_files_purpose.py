from typing import Literal

ListFilesPurpose = Literal["batch"]

LIST_FILES_PURPOSE_VALUES: set[ListFilesPurpose] = {
    "batch",
}


def check_list_files_purpose(value: str) -> ListFilesPurpose:
    if value in LIST_FILES_PURPOSE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_FILES_PURPOSE_VALUES!r}"
    )
