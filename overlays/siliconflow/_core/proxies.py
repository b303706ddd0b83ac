"""The network transport under the retries, with proxies chosen as httpx chooses them.

httpx reads `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` only when no `transport=` is
given to its client, and the client always gives one (the retrying transport). So the choice is
made here, with httpx's own rules (`httpx._utils.get_environment_proxies` and `URLPattern`, which
`httpx.Client` uses; private, but the only way to get exactly its behaviour):

- `proxy=` on the client: every request goes through it (the environment is then not read);
- else the environment's proxies, by URL pattern, `NO_PROXY` hosts going direct;
- a `transport=` passed by the caller is used as it is (no proxy), as in httpx.

A proxy URL is never shown with its user info in an error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, TypeVar

import httpx
from httpx._utils import URLPattern, get_environment_proxies

from .pool import async_http_transport, gated, http_transport
from .redact import public_url

__all__ = ["ProxyTransport", "async_network_transport", "check_proxy", "network_transport"]

T = TypeVar("T", httpx.HTTPTransport, httpx.AsyncHTTPTransport)


def check_proxy(value: object, transport: object = None) -> httpx.Proxy | None:
    """`proxy=` as an `httpx.Proxy`, or a clear error (never showing the proxy's user info)."""
    if value is not None and transport is not None:
        raise ValueError("pass proxy= or transport=, not both: a transport of your own sets its proxy itself")
    if value is None or isinstance(value, httpx.Proxy):
        return value
    if not isinstance(value, str | httpx.URL):
        raise TypeError(f"proxy must be a URL string or an httpx.Proxy, got {type(value).__name__}")
    try:
        return httpx.Proxy(value)
    except (ValueError, httpx.InvalidURL) as exc:
        shown = public_url(httpx.URL(value)) if _parses(value) else "(not a URL)"
        raise ValueError(f"proxy {str(shown)!r} is not usable: {str(exc).split(':')[0]}") from None


def _parses(value: str | httpx.URL) -> bool:
    try:
        httpx.URL(value)
    except (ValueError, httpx.InvalidURL):
        return False
    return True


def _routes(proxy: httpx.Proxy | None) -> dict[str, httpx.Proxy | None]:
    """URL pattern -> proxy (None: direct), as `httpx.Client._get_proxy_map` makes it."""
    if proxy is not None:
        return {"all://": proxy}
    routes: dict[str, httpx.Proxy | None] = {}
    for pattern, url in get_environment_proxies().items():
        try:
            routes[pattern] = None if url is None else httpx.Proxy(url)
        except (ValueError, httpx.InvalidURL):
            shown = public_url(httpx.URL(url)) if url is not None and _parses(url) else "(not a URL)"
            raise ValueError(f"the environment's proxy for {pattern} is not usable: {str(shown)!r}") from None
    return routes


def _proxied(make: Callable[..., T], proxy: httpx.Proxy) -> T:
    try:
        transport: T = make(proxy=proxy)
    except ImportError as exc:  # socks5:// needs the socksio package
        raise ValueError(f"proxy {str(public_url(proxy.url))!r} needs a package: {exc}") from None
    return transport


class ProxyTransport(Generic[T]):
    """Picks the transport of a request's URL: a proxy's, or the direct one (httpx's order)."""

    def __init__(self, make: Callable[..., T], proxy: httpx.Proxy | None) -> None:
        self.direct: T = make()
        mounts = {URLPattern(pattern): proxy for pattern, proxy in _routes(proxy).items()}
        self.mounts: list[tuple[URLPattern, T | None]] = [
            (pattern, None if target is None else _proxied(make, target))
            for pattern, target in sorted(mounts.items())
        ]

    def for_url(self, url: httpx.URL) -> T:
        for pattern, transport in self.mounts:
            if pattern.matches(url):
                return self.direct if transport is None else transport
        return self.direct

    def all(self) -> list[T]:
        transports: list[T] = [self.direct]
        transports.extend(transport for _, transport in self.mounts if transport is not None)
        return transports


class _SyncProxies(httpx.BaseTransport):
    def __init__(self, proxy: httpx.Proxy | None, limits: httpx.Limits) -> None:
        self._routes = ProxyTransport(functools.partial(httpx.HTTPTransport, limits=limits), proxy)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._routes.for_url(request.url).handle_request(request)

    def close(self) -> None:
        for transport in self._routes.all():
            transport.close()


class _AsyncProxies(httpx.AsyncBaseTransport):
    def __init__(self, proxy: httpx.Proxy | None, limits: httpx.Limits) -> None:
        self._routes = ProxyTransport(functools.partial(httpx.AsyncHTTPTransport, limits=limits), proxy)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._routes.for_url(request.url).handle_async_request(request)

    async def aclose(self) -> None:
        for transport in self._routes.all():
            await transport.aclose()


def network_transport(proxy: httpx.Proxy | None, limits: httpx.Limits) -> httpx.BaseTransport:
    """The sync transport that reaches the network: direct when no proxy applies to any URL."""
    if proxy is None and not get_environment_proxies():
        return http_transport(limits)
    return _SyncProxies(proxy, limits)


def async_network_transport(proxy: httpx.Proxy | None, limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    """The async twin of `network_transport`, behind the connection gate of `pool.py`."""
    if proxy is None and not get_environment_proxies():
        return async_http_transport(limits)
    return gated(_AsyncProxies(proxy, limits), limits)
