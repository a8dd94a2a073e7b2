"""The command line (``tinhgon``)."""
