"""Build-time parts: the MkDocs plugin, the pages it generates and the checker's page.

Nothing here is imported by the engine or shipped to the browser's Python; the runtime the
checker loads is built by ``sendorskip.runtime``.
"""
