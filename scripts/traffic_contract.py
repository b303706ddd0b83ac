"""Check recorded traffic against openapi.yaml: `make contract TRAFFIC=traffic.jsonl`.

    python scripts/traffic_contract.py traffic.jsonl [more.jsonl ...] [--spec openapi.yaml]

Reads the JSON Lines files the client writes with `SILICONFLOW_RECORD` (see
`overlays/siliconflow/recording.py`). For each exchange:
- the operation is found by method and path (the server's base path, `/v1`, is ignored);
- the request body is validated against the operation's request schema;
- the response against the schema of its status (or `default`) and content type; a stream
  (`response_sse`) event by event: `[DONE]` or a JSON chunk valid against the event's `contentSchema`.

A violation (a wrong type, a missing required field, an undeclared status or content type, a body
that is not JSON) is printed with the file's line number and the JSON path, and the exit status is
1. Fields the spec does not know, and values outside a field's `x-known-values`, are drift: listed
apart, not failures (the spec leaves response objects open on purpose). Exchanges without a
response (`"status": null`) are counted and skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from siliconflow._streaming.sse import EventDecoder

ROOT = Path(__file__).resolve().parent.parent
_MAX_MESSAGE_CHARS = 200


def json_path(parts: Any, prefix: str = "") -> str:
    """`choices[0].delta.content`, as a reader writes a JSON path."""
    text = prefix
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(body)"


@dataclass
class Finding:
    line: int
    where: str  # "POST /chat/completions 200 response"
    path: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.where}: {self.path}: {self.message}"


@dataclass
class Spot:
    """Where findings of one part of one exchange go."""

    line: int
    where: str
    report: Report


@dataclass
class Report:
    exchanges: int = 0
    without_response: int = 0
    violations: list[Finding] = field(default_factory=list)
    drift: list[Finding] = field(default_factory=list)

    def markdown(self, source: str) -> str:
        lines = [
            f"## Traffic contract: {source}",
            "",
            f"{self.exchanges} exchanges checked, {len(self.violations)} violations, "
            f"{len(self.drift)} drift notes"
            + (f", {self.without_response} without a response (skipped)" if self.without_response else ""),
        ]
        if self.violations:
            lines += ["", "### Violations", ""] + [f"- {finding}" for finding in self.violations]
        if self.drift:
            lines += ["", "### Drift (the spec may need an update; not failures)", ""]
            lines += [f"- {finding}" for finding in self.drift]
        return "\n".join(lines) + "\n"


class Contract:
    """The spec's operations, ready to validate recorded exchanges."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self._components = spec.get("components", {})
        self._routes: list[tuple[re.Pattern[str], str]] = []
        for template in spec.get("paths", {}):
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
            self._routes.append((re.compile(f"^(?:/[^/]+)*?{pattern}/?$"), template))
        # Longest template first, so /batches/{id}/cancel wins over /batches/{id}.
        self._routes.sort(key=lambda route: -len(route[1]))

    # ---- schemas ----------------------------------------------------------------------------------

    def resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = self._pointer(node["$ref"])
        return node

    def _pointer(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $refs are supported, got {ref!r}")
        node: Any = self.spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def validator(self, schema: Any) -> Draft202012Validator:
        return Draft202012Validator({"allOf": [schema], "components": self._components})

    def errors(self, schema: Any, instance: Any) -> list[ValidationError]:
        error = best_match(self.validator(schema).iter_errors(instance))
        return [] if error is None else [error]

    def drift(self, schema: Any, instance: Any, path: list[Any]) -> Iterator[tuple[str, str]]:
        """(JSON path, what) for each field or known-value the schema does not describe."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return
        branches = schema.get("anyOf", schema.get("oneOf"))
        if branches is not None:  # follow the branch the instance matches
            chosen = next((b for b in branches if self.validator(b).is_valid(instance)), None)
            if chosen is not None:
                yield from self.drift(chosen, instance, path)
            return
        for branch in schema.get("allOf", []):
            yield from self.drift(branch, instance, path)
        known = schema.get("x-known-values")
        if known is not None and instance is not None and instance not in known:
            yield json_path(path), f"value {instance!r} is not among the known values {known}"
        if isinstance(instance, dict) and "properties" in schema:
            yield from self._object_drift(schema, instance, path)
        if isinstance(instance, list) and isinstance(schema.get("items"), dict):
            for index, item in enumerate(instance):
                yield from self.drift(schema["items"], item, [*path, index])

    def _object_drift(
        self, schema: dict[str, Any], instance: dict[str, Any], path: list[Any]
    ) -> Iterator[tuple[str, str]]:
        properties = schema["properties"]
        extra = schema.get("additionalProperties")
        for name, value in instance.items():
            if name in properties:
                yield from self.drift(properties[name], value, [*path, name])
            elif isinstance(extra, dict):
                yield from self.drift(extra, value, [*path, name])
            elif extra is None:  # left open: allowed, but the spec does not know it
                yield json_path([*path, name]), "field not in the spec"

    # ---- exchanges --------------------------------------------------------------------------------

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any]] | None:
        for pattern, template in self._routes:
            if pattern.match(path):
                item = self.spec["paths"][template]
                operation = item.get(method.lower())
                return (template, operation) if isinstance(operation, dict) else None
        return None

    def check(self, number: int, exchange: Any, report: Report) -> None:
        report.exchanges += 1
        if not isinstance(exchange, dict) or not isinstance(exchange.get("method"), str):
            report.violations.append(Finding(number, "record", "(line)", "not a recorded exchange object"))
            return
        method, path = exchange["method"].upper(), str(exchange.get("path", ""))
        found = self.operation(method, path)
        if found is None:
            report.violations.append(Finding(number, f"{method} {path}", "(operation)", "not in the spec"))
            return
        template, operation = found
        self._check_request(number, f"{method} {template} request", operation, exchange, report)
        status = exchange.get("status")
        if status is None:
            report.without_response += 1
            return
        self._check_response(number, f"{method} {template} {status} response", operation, exchange, report)

    def _check_request(
        self, number: int, where: str, operation: dict[str, Any], exchange: dict[str, Any], report: Report
    ) -> None:
        body_spec = self.resolve(operation.get("requestBody"))
        if "request_text" in exchange:
            report.violations.append(Finding(number, where, "(body)", "the request body is not JSON"))
            return
        if "request_body" not in exchange:
            # No body sent (a GET), or a recording converted from a response-only capture.
            return
        if body_spec is None:
            report.violations.append(Finding(number, where, "(body)", "the operation takes no request body"))
            return
        schema = body_spec["content"]["application/json"]["schema"]
        self._validate(Spot(number, where, report), schema, exchange["request_body"], [])

    def _check_response(
        self, number: int, where: str, operation: dict[str, Any], exchange: dict[str, Any], report: Report
    ) -> None:
        responses = operation.get("responses", {})
        response = self.resolve(responses.get(str(exchange["status"]), responses.get("default")))
        if response is None:
            report.violations.append(Finding(number, where, "(status)", "status not declared by the spec"))
            return
        content: dict[str, Any] = response.get("content", {})
        headers = {str(k).lower(): str(v) for k, v in (exchange.get("response_headers") or {}).items()}
        media = headers.get("content-type", "").partition(";")[0].strip().lower()
        if not content:
            return
        if media not in content:
            message = f"content type {media or '(none)'!r} not declared (declared: {', '.join(content)})"
            report.violations.append(Finding(number, where, "(content-type)", message))
            return
        schema = content[media].get("schema", {})
        if "response_sse" in exchange:
            self._check_stream(number, where, schema, str(exchange["response_sse"]), report)
        elif media == "application/json" or media.endswith("+json"):
            if "response_body" not in exchange:
                report.violations.append(Finding(number, where, "(body)", "the response body is not JSON"))
                return
            self._validate(Spot(number, where, report), schema, exchange["response_body"], [])
        else:
            text = exchange.get("response_text", exchange.get("response_body", ""))
            body = text if isinstance(text, str) else json.dumps(text)
            self._validate(Spot(number, where, report), schema, body, [])

    def _check_stream(self, number: int, where: str, schema: Any, sse: str, report: Report) -> None:
        event_schema = self.resolve(schema)
        data_schema = self.resolve(event_schema.get("properties", {}).get("data", {}))
        json_schemas = [
            branch["contentSchema"]
            for branch in data_schema.get("anyOf", data_schema.get("oneOf", []))
            if isinstance(branch, dict) and "contentSchema" in branch
        ]
        decoder = EventDecoder()
        events = decoder.feed(sse)
        pending = decoder.flush()  # the standard drops an event without its blank line; we check it
        index = 0
        for event in [*events, *([pending] if pending is not None else [])]:
            prefix: list[Any] = [f"event[{index}]"]
            index += 1
            record = {"data": event.data} | ({"event": event.event} if event.event != "message" else {})
            self._validate(Spot(number, where, report), event_schema, record, prefix, drift=False)
            if event.data.strip() == "[DONE]":
                continue
            try:
                payload = json.loads(event.data)
            except ValueError:
                message = f"neither [DONE] nor JSON: {event.data[:_MAX_MESSAGE_CHARS]!r}"
                report.violations.append(Finding(number, where, json_path([*prefix, "data"]), message))
                continue
            for content_schema in json_schemas[:1]:
                self._validate(Spot(number, where, report), content_schema, payload, [*prefix, "data"])

    def _validate(
        self, spot: Spot, schema: Any, instance: Any, prefix: list[Any], *, drift: bool = True
    ) -> None:
        number, where, report = spot.line, spot.where, spot.report
        for error in self.errors(schema, instance):
            message = error.message
            if len(message) > _MAX_MESSAGE_CHARS:
                message = message[: _MAX_MESSAGE_CHARS - 3] + "..."
            report.violations.append(
                Finding(number, where, json_path([*prefix, *error.absolute_path]), message)
            )
        if drift:
            for path, what in self.drift(schema, instance, list(prefix)):
                report.drift.append(Finding(number, where, path, what))


def check_file(contract: Contract, path: Path) -> Report:
    report = Report()
    with path.open(encoding="utf-8") as file:
        for number, line in enumerate(file, start=1):
            if not line.strip():
                continue
            try:
                exchange = json.loads(line)
            except ValueError as exc:
                report.exchanges += 1
                report.violations.append(Finding(number, "record", "(line)", f"not JSON: {exc}"))
                continue
            contract.check(number, exchange, report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "traffic", nargs="+", type=Path, help="JSON Lines files recorded with SILICONFLOW_RECORD"
    )
    parser.add_argument(
        "--spec", type=Path, default=ROOT / "openapi.yaml", help="the spec (default: openapi.yaml)"
    )
    args = parser.parse_args(argv)
    try:
        contract = Contract(yaml.safe_load(args.spec.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError) as exc:
        print(f"traffic contract: cannot read the spec {args.spec}: {exc}", file=sys.stderr)
        return 2
    failed = False
    for path in args.traffic:
        try:
            report = check_file(contract, path)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"traffic contract: cannot read {path}: {exc}", file=sys.stderr)
            return 2
        sys.stdout.write(report.markdown(str(path)))
        failed = failed or bool(report.violations)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
