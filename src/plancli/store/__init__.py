"""The plan file (SPEC §2, §7): the only package that reads or edits it.

- `read`: safe YAML → plain data (size and nesting limits, the C parser's events, syntax
  errors with line and column);
- `migrate`: a plan from an older plancli is migrated in memory (`MIGRATIONS`) and saved in
  the current layout the next time it is written; one from a newer plancli is refused;
- `validate`: plain data → frozen dataclasses, collecting every problem with its key path,
  and the typing of values the command line shares (`read_date`, `read_field`);
- `load`: the three in a row (`load_plan`, `read_plan`, `inspect_plan` for `plancli check`);
- `edit`: round-trip edits that keep the user's comments (`create_plan`, `update_plan`,
  `add_event`, `append_event`, `remove_event`).

Locking, atomic writes, backups and private output files are `plancli.files`, re-exported
here for the callers that knew them as `store.*`.
"""

from plancli.errors import PlanExistsError
from plancli.files import (
    BACKUPS,
    FILE_MODE,
    LOCK_TIMEOUT_ENV,
    LOCK_TIMEOUT_SECONDS,
    backup_path,
    lock_timeout,
    locked,
    write_atomically,
    write_private_file,
)
from plancli.store.calendar import set_calendar
from plancli.store.edit import (
    AddedEvent,
    DuplicateEventError,
    add_event,
    append_event,
    create_plan,
    remove_event,
    update_plan,
)
from plancli.store.load import (
    Inspection,
    LoadedPlan,
    inspect_plan,
    load_plan,
    plan_from_text,
    read_plan,
)
from plancli.store.migrate import MIGRATIONS, Migration, migrate, plan_version
from plancli.store.read import MAX_NESTING, MAX_PLAN_BYTES, parse_yaml, read_text
from plancli.store.validate import (
    EARLIEST,
    EVENT_KEYS,
    LATEST,
    TOP_KEYS,
    ValueProblem,
    birth_date_after_today,
    calendar_section,
    event_after_today,
    read_date,
    read_field,
)

__all__ = [
    "calendar_section",
    "BACKUPS",
    "EARLIEST",
    "EVENT_KEYS",
    "FILE_MODE",
    "LATEST",
    "LOCK_TIMEOUT_ENV",
    "LOCK_TIMEOUT_SECONDS",
    "MAX_NESTING",
    "MAX_PLAN_BYTES",
    "MIGRATIONS",
    "TOP_KEYS",
    "AddedEvent",
    "DuplicateEventError",
    "Inspection",
    "LoadedPlan",
    "Migration",
    "PlanExistsError",
    "ValueProblem",
    "add_event",
    "append_event",
    "backup_path",
    "birth_date_after_today",
    "create_plan",
    "event_after_today",
    "inspect_plan",
    "load_plan",
    "lock_timeout",
    "locked",
    "migrate",
    "parse_yaml",
    "plan_from_text",
    "plan_version",
    "read_date",
    "read_field",
    "read_plan",
    "read_text",
    "remove_event",
    "set_calendar",
    "update_plan",
    "write_atomically",
    "write_private_file",
]
