"""A client library for accessing SiliconFlow Chat Completions API"""

# Our override of the generator's template: the clients are loaded on first use (PEP 562), so a
# light module of this package (`request_constraints`, read by `siliconflow --help`) does not import
# httpx and the client with it.
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
