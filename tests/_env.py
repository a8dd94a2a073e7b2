"""Loaded first (``-p tests._env``): the web application's data folder for a test run is a
fresh temporary folder, never the developer's own."""

import os
import tempfile

os.environ.setdefault("TINHGON_DATA_DIR", tempfile.mkdtemp(prefix="tinhgon-test-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tinhgon.web.settings")
os.environ.setdefault("TINHGON_GC_FREEZE", "0")  # the server freezes kept objects; tests do not
