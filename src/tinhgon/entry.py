"""The ``tinhgon`` program: the command line, with the web application's commands added.

Neither ``tinhgon.cli`` nor ``tinhgon.web`` imports the other (DESIGN.md layers); this module,
above both, puts them together.
"""

from tinhgon.cli import main as cli
from tinhgon.cli import progress
from tinhgon.cli.main import app
from tinhgon.web import admin_commands
from tinhgon.web.commands import grant, manage, serve
from tinhgon.web.reader import project_from_database

# The read commands take @CODE for an agency of the application's database.
cli.database_reader = project_from_database
admin_commands.progress_bar = progress.progress_bar  # bars for `tinhgon load DIR`

app.command("serve")(serve)
app.command("token")(admin_commands.token)
app.command("token-list")(admin_commands.token_list)
app.command("token-revoke")(admin_commands.token_revoke)
app.command("load")(admin_commands.load)
app.command("backup")(admin_commands.backup)
app.command("restore")(admin_commands.restore)
app.command("grant")(grant)
app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(
    manage
)


def main() -> None:
    cli.one_shot = True  # one process, one command: see read_project
    app()
