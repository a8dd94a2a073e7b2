"""Django settings, from the environment with safe local defaults; a malformed value fails fast.

Environment:
  TINHGON_DATA_DIR   where the SQLite database and the secret key live
                     (default: the user's data folder, e.g. ~/.local/share/tinhgon)
  DATABASE_URL       postgres://user:pass@host:port/name to use PostgreSQL instead of SQLite
  TINHGON_DEBUG      true/false (default false)
  TINHGON_ALLOWED_HOSTS  comma-separated host names (default: localhost, 127.0.0.1)
  TINHGON_SECRET_KEY     overrides the key generated once in the data folder
  TINHGON_UPLOAD_MAX_MB  largest request body accepted, in MB (default 50); larger is refused
                         (413) before it is read
  TINHGON_IMPORT_WORKERS imports running at once in one process (default 2)
  TINHGON_IMPORT_SECONDS time allowed to read an uploaded spreadsheet (default 120); past it
                         the file is refused with a message, nothing imported
  TINHGON_HTTPS          true behind an HTTPS proxy: secure cookies, X-Forwarded-Proto, HSTS
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from platformdirs import user_data_dir


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name}={value!r}: expected true or false")


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("TINHGON_DATA_DIR") or user_data_dir("tinhgon", appauthor=False))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("TINHGON_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def env_int(name: str, default: int, low: int, high: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{name}={value!r}: expected a whole number") from None
    if not low <= number <= high:
        raise ValueError(f"{name}={value!r}: expected a number from {low} to {high}")
    return number


SECRET_KEY = _secret_key()
TINHGON_UPLOAD_MAX_BYTES = env_int("TINHGON_UPLOAD_MAX_MB", 50, 1, 1024) * 1024 * 1024 + 64 * 1024
TINHGON_IMPORT_WORKERS = env_int("TINHGON_IMPORT_WORKERS", 2, 1, 32)
TINHGON_IMPORT_SECONDS = env_int("TINHGON_IMPORT_SECONDS", 120, 1, 3600)
# Uploads over 1 MB go to a temporary file, not memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DEBUG = env_bool("TINHGON_DEBUG", False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("TINHGON_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "ninja",
    "tinhgon.web.apps.WebConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tinhgon.web.middleware.LanguageMiddleware",
    "tinhgon.web.middleware.UploadLimitMiddleware",
    "tinhgon.web.middleware.RefuseNulMiddleware",
    "tinhgon.web.request_stamp.StampMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tinhgon.web.urls"
WSGI_APPLICATION = "tinhgon.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Backups keep every microsecond of a time (Django's JSON cuts them to the millisecond).
SERIALIZATION_MODULES = {"json-exact": "tinhgon.web.exact_json"}

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'tinhgon.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writes take the write lock when their transaction begins (IMMEDIATE) and wait up to 20 s
    # for it: with the default (deferred) transactions, two users saving at once could fail
    # with "database is locked" when a read inside the transaction had to turn into a write
    # (found by bench/bench_load.py with 5 users).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): 5 failures for a user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "tinhgon/locked.html"
AXES_VERBOSE = False

# Messages live in the session (server side), never in a cookie: one of them can carry a new
# account's one-time password.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind an HTTPS reverse proxy (docs/operations.md): cookies only over HTTPS, the proxy's
# X-Forwarded-Proto trusted, browsers told to keep to HTTPS for a year.
HTTPS = env_bool("TINHGON_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 3600

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
