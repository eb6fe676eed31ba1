"""Plain rules with no I/O: nothing here imports anything of ours or any I/O library."""
