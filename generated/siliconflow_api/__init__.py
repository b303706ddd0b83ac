"""A client library for accessing SiliconFlow Chat Completions API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
