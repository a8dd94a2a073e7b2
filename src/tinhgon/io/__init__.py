"""Reading and writing files: project files (YAML) today; Excel and CSV later."""

from tinhgon.io.errors import FileProblem, ProjectFileError
from tinhgon.io.project_file import dump_project, load_project, parse_project

__all__ = ["FileProblem", "ProjectFileError", "dump_project", "load_project", "parse_project"]
