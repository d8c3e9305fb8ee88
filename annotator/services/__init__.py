"""Use cases shared by the command line and the window: projects, import, statistics."""
