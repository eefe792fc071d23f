"""plancli: legal deadlines for California families of children with disabilities.

The library API is the pure core: `store.load_plan`, `deadlines.deadlines_for`, the rule
catalogue in `rules`, and the day counting in `daycount`. The command line is `plancli.cli`.
"""

__version__ = "0.1.0"
