"""`make bench`: our client against openai-python and the raw httpx floor, on the same mock."""
