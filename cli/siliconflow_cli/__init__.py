"""The `siliconflow` command line."""
