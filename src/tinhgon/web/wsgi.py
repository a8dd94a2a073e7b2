import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tinhgon.web.settings")
application = get_wsgi_application()

# A server process: what the memo keeps is frozen out of the garbage collector's scans
# (web/collector.py). TINHGON_GC_FREEZE=0 turns it off (the tests do).
if os.environ.get("TINHGON_GC_FREEZE", "1") != "0":
    from tinhgon.web import collector

    collector.freezing = True
