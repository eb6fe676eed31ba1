"""The window: the only package that imports Qt (besides the composition root)."""
