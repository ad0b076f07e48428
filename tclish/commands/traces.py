"""trace: being written."""
