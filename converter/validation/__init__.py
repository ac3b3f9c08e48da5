"""Checking a conversion and its outputs: cell accounting, Arelle validation, findings."""
