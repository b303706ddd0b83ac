from typing import Literal

ModelSubType = Literal[
    "chat",
    "embedding",
    "image-to-image",
    "reranker",
    "speech-to-text",
    "text-to-image",
    "text-to-video",
]

MODEL_SUB_TYPE_VALUES: set[ModelSubType] = {
    "chat",
    "embedding",
    "image-to-image",
    "reranker",
    "speech-to-text",
    "text-to-image",
    "text-to-video",
}


def check_model_sub_type(value: str) -> ModelSubType:
    if value in MODEL_SUB_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MODEL_SUB_TYPE_VALUES!r}"
    )
