"""clock: being written (see channels/files for the pattern)."""
