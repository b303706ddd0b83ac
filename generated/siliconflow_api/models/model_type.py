from typing import Literal

ModelType = Literal["audio", "image", "text", "video"]

MODEL_TYPE_VALUES: set[ModelType] = {
    "audio",
    "image",
    "text",
    "video",
}


def check_model_type(value: str) -> ModelType:
    if value in MODEL_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MODEL_TYPE_VALUES!r}"
    )
