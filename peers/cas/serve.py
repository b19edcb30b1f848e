#!/usr/bin/env python3
"""A real CAS 3.0 server (the PyPI package django-cas-server) on loopback, for Hybride's tests.

Usage: python3 peers/cas/serve.py <port> <service_url_prefix>

<port> may be 0 to let the system choose a free port. Services whose URL starts with
<service_url_prefix> are accepted, receive the attributes email, first_name, last_name and
uai, and get a single logout POST at their service URL when the user logs out.

Everything runtime (the SQLite database) lives in a fresh temporary directory, removed at exit;
nothing is written to the repository (no bytecode either). Once the server accepts connections
the script prints exactly one line to stdout: ``ready http://127.0.0.1:<port>/cas``. It stops
on SIGTERM, SIGINT, or when its stdin (a pipe, a socket or a terminal) reaches end of file.
See README.md next to this file.
"""
import sys

sys.dont_write_bytecode = True  # nothing written under peers/cas/ at runtime

import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
import threading

# The accounts: username, password, attributes released to the service.
ACCOUNTS = [
    {
        "username": "claire.fontaine",
        "password": "motdepasse-claire",
        "email": "claire.fontaine@ac-lyon.fr",
        "first_name": "Claire",
        "last_name": "Fontaine",
        "uai": "0690001A",
    },
    {
        "username": "paul.girard",
        "password": "motdepasse-paul",
        "email": "paul.girard@ac-lyon.fr",
        "first_name": "Paul",
        "last_name": "Girard",
        "uai": "0690002B",
    },
]

# Attribute names released to services (ReplaceAttributName rows with an empty replacement).
RELEASED_ATTRIBUTES = ["email", "first_name", "last_name", "uai"]

# This file also serves as the URLconf and holds the auth class: register it under a stable
# module name so that Django settings can name it whether it runs as __main__ or is imported.
MODULE = "hybride_cas_peer"
sys.modules.setdefault(MODULE, sys.modules[__name__])


def log(message):
    print("cas peer: %s" % message, file=sys.stderr, flush=True)


def ensure_package():
    try:
        import cas_server  # noqa: F401
    except ImportError:
        log("installing django-cas-server")
        subprocess.check_call(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "django-cas-server"],
            stdout=sys.stderr,  # stdout carries only the ready line
        )


def configure(workdir):
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="hybride-cas-test-peer-not-a-secret",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "cas_server",
        ],
        MIDDLEWARE=[
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "DIRS": [],
            "OPTIONS": {"context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]},
        }],
        ROOT_URLCONF=MODULE,
        DATABASES={"default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.path.join(workdir, "cas.sqlite3"),
        }},
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        # A test peer: fast hashing keeps start-up and logins quick.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        LANGUAGE_CODE="en-us",
        USE_I18N=True,
        USE_TZ=True,
        TIME_ZONE="UTC",
        STATIC_URL="/static/",
        LOGGING={
            "version": 1,
            "disable_existing_loggers": False,
            "handlers": {"stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}},
            "loggers": {
                "django": {"handlers": ["stderr"], "level": "WARNING"},
                "django.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
                "cas_server": {"handlers": ["stderr"], "level": "INFO"},
            },
        },
        # django-cas-server
        CAS_AUTH_CLASS=MODULE + ".HybrideAuthUser",
        CAS_NEW_VERSION_HTML_WARNING=False,  # no call to pypi.org from the login page
        CAS_NEW_VERSION_EMAIL_WARNING=False,
        CAS_SHOW_POWERED=False,
        CAS_SLO_TIMEOUT=5,
    )
    import django
    django.setup()


def define_django_objects():
    """URLconf and auth class, defined once Django is configured (they import its modules)."""
    global urlpatterns, HybrideAuthUser
    from django.urls import include, path
    from cas_server.auth import DjangoAuthUser
    from cas_server.models import UserAttributes

    urlpatterns = [path("cas/", include("cas_server.urls", namespace="cas_server"))]

    class HybrideAuthUser(DjangoAuthUser):
        """Django users; attributes = email, first_name, last_name from the user, plus the
        extra attributes (uai) stored for that username in cas_server's UserAttributes."""

        def attributs(self):
            if not self.user:
                return {}
            attributes = {
                "email": self.user.email,
                "first_name": self.user.first_name,
                "last_name": self.user.last_name,
            }
            extra = UserAttributes.objects.filter(username=self.user.username).first()
            if extra is not None and extra.attributs:
                attributes.update(extra.attributs)
            return attributes


def populate(service_prefix):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from cas_server.models import ReplaceAttributName, ServicePattern, UserAttributes

    call_command("migrate", verbosity=0, interactive=False)
    User = get_user_model()
    for account in ACCOUNTS:
        User.objects.create_user(
            username=account["username"],
            password=account["password"],
            email=account["email"],
            first_name=account["first_name"],
            last_name=account["last_name"],
        )
        UserAttributes.objects.create(username=account["username"], attributs={"uai": account["uai"]})
    pattern = ServicePattern.objects.create(
        pos=1,
        name="Hybride",
        pattern="^" + re.escape(service_prefix),
        single_log_out=True,  # SLO POST to each ticket's own service URL (no callback set)
    )
    for name in RELEASED_ATTRIBUTES:
        ReplaceAttributName.objects.create(name=name, replace="", service_pattern=pattern)


def watch_stdin(stop):
    """Stop when stdin reaches EOF, if stdin is something that can be closed (not /dev/null)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or os.isatty(sys.stdin.fileno())):
        return

    fd = sys.stdin.fileno()

    def run():
        # os.read on the descriptor, not sys.stdin: a daemon thread blocked inside a buffered
        # reader makes the interpreter abort at exit.
        try:
            while os.read(fd, 65536):
                pass
        except OSError:
            pass
        stop.set()

    threading.Thread(target=run, name="stdin-watch", daemon=True).start()


def main(argv):
    if len(argv) != 3:
        print("usage: %s <port> <service_url_prefix>" % argv[0], file=sys.stderr)
        return 2
    port = int(argv[1])
    service_prefix = argv[2]

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    watch_stdin(stop)

    ensure_package()
    workdir = tempfile.mkdtemp(prefix="hybride-cas-peer-")
    server = None
    try:
        configure(workdir)
        define_django_objects()
        populate(service_prefix)

        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
        from django.core.wsgi import get_wsgi_application

        server = ThreadedWSGIServer(("127.0.0.1", port), WSGIRequestHandler, allow_reuse_address=True)
        server.daemon_threads = True
        server.set_app(StaticFilesHandler(get_wsgi_application()))
        port = server.server_address[1]
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="cas-http", daemon=True)
        thread.start()  # the socket already listens: connections queue until served
        if not stop.is_set():
            print("ready http://127.0.0.1:%d/cas" % port, flush=True)
        while not stop.wait(0.1):
            pass
        log("stopping")
        server.shutdown()
        thread.join(5)
        return 0
    finally:
        if server is not None:
            server.server_close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
