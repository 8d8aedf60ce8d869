"""Send or Skip: should you send a thank-you note after an interview, and what should it say?

The public boundary is :mod:`sendorskip.api`; everything else is the knowledge (data files
under ``data/``) and the small modules that load, validate and apply it.
"""

__version__ = "0.1.0"
