"""The Qt-free core: probing, diagnosis, lookup, mail-client settings, exports and secrets.

Nothing under this package may import Qt (``tests/test_core_no_qt.py`` enforces it).
"""
