"""Contains all the data models used in inputs/outputs"""

from .assistant_message import AssistantMessage
from .audio_url_part import AudioUrlPart
from .audio_url_part_audio_url import AudioUrlPartAudioUrl
from .batch import Batch
from .batch_create_request import BatchCreateRequest
from .batch_create_request_endpoint import BatchCreateRequestEndpoint
from .batch_create_request_metadata import BatchCreateRequestMetadata
from .batch_list import BatchList
from .batch_metadata_type_0 import BatchMetadataType0
from .batch_replace import BatchReplace
from .batch_request_counts import BatchRequestCounts
from .chat_completion import ChatCompletion
from .chat_completion_chunk import ChatCompletionChunk
from .chat_completion_request import ChatCompletionRequest
from .chat_completion_request_reasoning_effort import (
    ChatCompletionRequestReasoningEffort,
)
from .chat_completion_sse_event import ChatCompletionSseEvent
from .choice import Choice
from .chunk_choice import ChunkChoice
from .chunk_delta import ChunkDelta
from .completion_tokens_details import CompletionTokensDetails
from .error_body import ErrorBody
from .file_list import FileList
from .file_list_response import FileListResponse
from .file_object import FileObject
from .file_upload_request import FileUploadRequest
from .file_upload_request_purpose import FileUploadRequestPurpose
from .file_upload_response import FileUploadResponse
from .function_call import FunctionCall
from .function_call_delta import FunctionCallDelta
from .function_definition import FunctionDefinition
from .function_definition_parameters import FunctionDefinitionParameters
from .image_url_part import ImageUrlPart
from .image_url_part_image_url import ImageUrlPartImageUrl
from .list_files_purpose import ListFilesPurpose
from .media_detail import MediaDetail
from .named_tool_choice import NamedToolChoice
from .named_tool_choice_function import NamedToolChoiceFunction
from .prompt_tokens_details import PromptTokensDetails
from .rate_limit_error_body import RateLimitErrorBody
from .response_format import ResponseFormat
from .response_format_type import ResponseFormatType
from .response_message import ResponseMessage
from .system_message import SystemMessage
from .text_part import TextPart
from .tool import Tool
from .tool_call import ToolCall
from .tool_call_delta import ToolCallDelta
from .tool_choice_type_0 import ToolChoiceType0
from .tool_message import ToolMessage
from .usage import Usage
from .user_message import UserMessage
from .video_url_part import VideoUrlPart
from .video_url_part_video_url import VideoUrlPartVideoUrl

__all__ = (
    "AssistantMessage",
    "AudioUrlPart",
    "AudioUrlPartAudioUrl",
    "Batch",
    "BatchCreateRequest",
    "BatchCreateRequestEndpoint",
    "BatchCreateRequestMetadata",
    "BatchList",
    "BatchMetadataType0",
    "BatchReplace",
    "BatchRequestCounts",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionRequest",
    "ChatCompletionRequestReasoningEffort",
    "ChatCompletionSseEvent",
    "Choice",
    "ChunkChoice",
    "ChunkDelta",
    "CompletionTokensDetails",
    "ErrorBody",
    "FileList",
    "FileListResponse",
    "FileObject",
    "FileUploadRequest",
    "FileUploadRequestPurpose",
    "FileUploadResponse",
    "FunctionCall",
    "FunctionCallDelta",
    "FunctionDefinition",
    "FunctionDefinitionParameters",
    "ImageUrlPart",
    "ImageUrlPartImageUrl",
    "ListFilesPurpose",
    "MediaDetail",
    "NamedToolChoice",
    "NamedToolChoiceFunction",
    "PromptTokensDetails",
    "RateLimitErrorBody",
    "ResponseFormat",
    "ResponseFormatType",
    "ResponseMessage",
    "SystemMessage",
    "TextPart",
    "Tool",
    "ToolCall",
    "ToolCallDelta",
    "ToolChoiceType0",
    "ToolMessage",
    "Usage",
    "UserMessage",
    "VideoUrlPart",
    "VideoUrlPartVideoUrl",
)
