"""Build-time parts: the checker's Python runtime for the browser (Pyodide, wheels, bytecode).

Nothing here is imported by the engine or shipped to the browser's Python. The handbook
(``sendorskip.site``) asks for a runtime folder through :func:`.build.build_runtime` only.
"""
