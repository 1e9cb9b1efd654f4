"""Rights Guide: an offline, plain-language guide to 287(g), racial profiling and remedies."""

__version__ = "0.1.0"
APP_NAME = "Rights Guide"
