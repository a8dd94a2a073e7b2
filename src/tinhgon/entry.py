"""The ``tinhgon`` program: the command line, with the web application's commands added.

Neither ``tinhgon.cli`` nor ``tinhgon.web`` imports the other (DESIGN.md layers); this module,
above both, puts them together.
"""

from tinhgon.cli import main as cli
from tinhgon.cli.main import app
from tinhgon.web.commands import grant, manage, serve, token
from tinhgon.web.reader import project_from_database

# The read commands take @CODE for an agency of the application's database.
cli.database_reader = project_from_database

app.command("serve")(serve)
app.command("token")(token)
app.command("grant")(grant)
app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(
    manage
)


def main() -> None:
    app()
