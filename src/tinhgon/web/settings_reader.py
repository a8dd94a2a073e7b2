"""Django settings for the command line's reading of an agency (``tinhgon show @CODE``): the
application's own settings — the same database (DATABASE_URL, else the embedded SQLite of
TINHGON_DATA_DIR) — with only the applications whose models a reading uses, so that Django
starts without importing the web pages' (the API's pydantic, the login guard, sessions)."""

from tinhgon.web.settings import *  # noqa: F403

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "tinhgon.web.apps.WebConfig",
]
