"""One module per Python (or library) change; see each docstring."""
