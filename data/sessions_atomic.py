"""Atomic Red Team chains for make_sessions.py (filled in below)."""


def families(platform):
    return []
