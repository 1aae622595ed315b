"""The Qt side of the console: the main window, one module per dock panel, and their models."""
