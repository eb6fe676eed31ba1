"""Small platform adapters: the only places that ask which operating system this is.

Each adapter takes its probes (environment, platform name, functions) as arguments with
real defaults, so the Windows branches are tested on Linux with injected values.
"""
