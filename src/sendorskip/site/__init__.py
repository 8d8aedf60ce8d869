"""Build-time parts: the MkDocs plugin, the pages it generates and the bundled browser runtime.

Nothing here is imported by the engine or shipped to the browser's Python.
"""
