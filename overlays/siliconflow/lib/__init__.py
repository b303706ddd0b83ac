"""Tier 4, helpers built on calls: thinking options and `<think>` tags, reasoning/answer events,
multi-turn replay, the model catalogue, the tool runner, structured output and type schemas."""
