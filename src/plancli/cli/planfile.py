"""Commands that make and edit the plan file: init, add, events, remove, check."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from plancli import arguments, cron, narrow, planfiles, report, store, view
from plancli.cli.base import (
    LangOption,
    OnePlanOption,
    PlanOption,
    TodayOption,
    YesOption,
    app,
    confirm,
    err,
    escape,
    out,
    print_error,
    print_warning,
    reporting_errors,
    show_deadlines,
    today_of,
    write_text,
)
from plancli.cli.helptext import filled_help
from plancli.deadlines import deadlines_for
from plancli.errors import (
    PlancliError,
    PlanExistsError,
    PlanFileError,
    UnknownNameError,
    suggestion,
)
from plancli.i18n import N_, _, current_language, language_of, ngettext, set_language
from plancli.questions import (
    INIT_QUESTIONS,
    LANGUAGE_QUESTION,
    RELATIONSHIP_LABELS,
    SPOKEN_LANGUAGES,
    Question,
    choice_of,
    choice_words,
)
from plancli.rules import (
    EVENT_TYPES,
    EXTENSION_EVENT,
    field_warnings,
)
from plancli.view import Format
from plancli.vocab import LANGUAGES, list_answer

# --------------------------------------------------------------------------------------------
# init, add, events, remove, check


@app.command()
def init(
    plan: OnePlanOption = None,
    lang: LangOption = None,
    name: Annotated[str | None, typer.Option(help=N_("The child's name."))] = None,
    birth_date: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help=N_("The child's birth date."))
    ] = None,
    parent_name: Annotated[str | None, typer.Option(help=N_("Your name, for letters."))] = None,
    relationship: Annotated[
        str | None,
        typer.Option(
            help=filled_help(
                N_("Your relationship to the child: {choices}"),
                choices=", ".join(RELATIONSHIP_LABELS),
            )
        ),
    ] = None,
    family_language: Annotated[
        str | None,
        typer.Option(
            "--family-language",
            "--language",
            help=N_("Letters in en or es (default: the language of the questions)."),
        ),
    ] = None,
    school: Annotated[str | None, typer.Option(help=N_("The child's school."))] = None,
    school_address: Annotated[str | None, typer.Option(help=N_("The school's address."))] = None,
    district: Annotated[str | None, typer.Option(help=N_("The school district."))] = None,
    regional_center: Annotated[str | None, typer.Option(help=N_("The regional center."))] = None,
    address: Annotated[
        str | None, typer.Option(help=N_("Your mailing address, for letters."))
    ] = None,
    phone: Annotated[str | None, typer.Option(help=N_("Your phone, for letters."))] = None,
    email: Annotated[str | None, typer.Option(help=N_("Your email, for letters."))] = None,
    concerns: Annotated[
        str | None, typer.Option(help=N_("Areas of concern, e.g. 'reading, speech'."))
    ] = None,
    yes: YesOption = False,
    today: TodayOption = None,
) -> None:
    """Create a plan file for one child (never overwrites an existing one).

    Asks for the language first, then every question in it; --yes and the options for scripts.
    """
    now = today_of(today)
    path = planfiles.one_plan(plan)
    given: dict[str, str | None] = {
        "child.name": name,
        "child.birth_date": birth_date,
        "family.parent_name": parent_name,
        "family.relationship": relationship,
        "family.language": family_language,
        "school.name": school,
        "school.address": school_address,
        "school.district": district,
        "regional_center.name": regional_center,
        "family.address": address,
        "family.phone": phone,
        "family.email": email,
        "child.concerns": concerns,
    }
    with reporting_errors():
        if path.exists():
            raise PlanExistsError(
                _(
                    "{path} already exists; plancli will not overwrite it. "
                    "Use it as it is, or choose another path with --plan."
                ).format(path=path)
            )
        if not yes and interactive():
            if lang is None:
                set_language(_ask(LANGUAGE_QUESTION, now, default=current_language()))
            for question in INIT_QUESTIONS:
                if not given[question.key]:
                    own = current_language() if question.key == "family.language" else ""
                    given[question.key] = _ask(question, now, default=own)
        answers = {key: value or None for key, value in given.items()}
        store.create_plan(path, _new_plan(answers, now))
    width = narrow.terminal_width()
    write_text(view.created_text(path, plan_given=plan is not None, width=width))
    where = f" --plan {report.printable(str(path))}" if plan is not None else ""
    write_text(cron.crontab_text(path, width=width, where=where))


def _new_plan(answers: dict[str, str | None], now: date) -> str:
    """The plan file's text from `init`'s answers, each checked as the plan checks it."""
    name, birth_date = answers["child.name"], answers["child.birth_date"]
    if not name or not birth_date:
        raise PlancliError(
            _(
                "A plan needs the child's name and birth date: give --name and "
                "--birth-date (YYYY-MM-DD)."
            )
        )
    problem = arguments.birth_date_problem(birth_date, now)
    if problem:
        raise PlancliError(problem)
    language = answers["family.language"] or current_language()
    if language not in LANGUAGES:
        raise PlancliError(
            _("--family-language must be en or es, not {value}.").format(value=repr(language))
        )
    relationship = answers["family.relationship"]
    if relationship is not None and relationship not in RELATIONSHIP_LABELS:
        raise PlancliError(
            _("--relationship must be one of {choices}, not {value}.").format(
                choices=", ".join(RELATIONSHIP_LABELS), value=repr(relationship)
            )
        )
    return view.new_plan_text(
        name=name,
        birth_date=birth_date,
        language=language,
        parent_name=answers["family.parent_name"],
        relationship=relationship,
        address=answers["family.address"],
        phone=answers["family.phone"],
        email=answers["family.email"],
        concerns=list_answer(answers["child.concerns"] or ""),
        school=answers["school.name"],
        school_address=answers["school.address"],
        district=answers["school.district"],
        regional_center=answers["regional_center.name"],
    )


def _ask(question: Question, now: date, *, default: str = "") -> str:
    """One of `init`'s questions, asked until the answer is one the plan takes ('' skips an
    optional one). The question is worded in the interface language when it is asked."""
    prompt = question.prompt if question is LANGUAGE_QUESTION else _(question.prompt)
    if question.key == "family.relationship":  # the values the plan takes, one a line
        choices = [f"  {_choice_line(v)}" for v in question.choices]
        prompt = "\n".join([prompt + ":", *choices, _("Your answer (Enter to skip)")])
    while True:
        answer = str(typer.prompt(prompt, default=default, show_default=bool(default))).strip()
        if not answer:
            if not question.required:
                return ""
            err.print(escape(_("This answer is needed to make the plan.")), soft_wrap=True)
            continue
        if question is LANGUAGE_QUESTION:
            language = language_of(answer) or SPOKEN_LANGUAGES.get(answer.casefold())
            if language is not None:
                return language
        elif question.choices:
            chosen = choice_of(question, answer)
            if chosen is not None:
                return chosen
            err.print(
                escape(_("Answer one of: {choices}.").format(choices=", ".join(question.choices))),
                soft_wrap=True,
            )
            continue
        elif question.key == "child.birth_date":
            problem = arguments.birth_date_problem(answer, now)
            if problem:
                err.print(escape(problem), soft_wrap=True)
                continue
            return answer
        else:
            return answer
        err.print("en = English, es = español", soft_wrap=True)


def _choice_line(value: str) -> str:
    """`parent = mother or father`; a value that is its own word stays alone (`other`)."""
    words = choice_words(value)
    return value if words is None else f"{value} = {words}"


def _event_type_help() -> str:
    return filled_help(N_("Event type, one of: {types}."), types=", ".join(EVENT_TYPES))


@app.command()
def add(
    event_type: Annotated[str, typer.Argument(metavar="TYPE", help=_event_type_help())],
    on: Annotated[str, typer.Argument(metavar="DATE", help=N_("When it happened, YYYY-MM-DD."))],
    plan: OnePlanOption = None,
    lang: LangOption = None,
    note: Annotated[str | None, typer.Option(help=N_("A short note (kept in the plan)."))] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="KEY=VALUE",
            help=N_(
                "An event-specific field, e.g. urgent=true, "
                "effective_date=2026-11-01, rule=initial-iep, until=2026-12-15."
            ),
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=N_("Record it even if the plan has the same event on the same date.")
        ),
    ] = False,
    today: TodayOption = None,
) -> None:
    """Record an event; prints the deadlines it starts."""
    now = today_of(today)
    path = planfiles.one_plan(plan)
    with reporting_errors():
        arguments.check_event_type(event_type)
        day = arguments.event_date(on, now)
        fields = arguments.event_fields(field or [])
        event = {"type": event_type, "date": day, "note": note, **fields}
        added = store.add_event(path, event, force=force)
    new_id, updated = added.id, added.plan
    out.print(
        _("Added {id}: {type} on {date}.").format(id=new_id, type=event_type, date=day.isoformat()),
        markup=False,
    )
    for warning in field_warnings(event_type, fields):
        print_warning(f"--field {warning}")
    if event_type == EXTENSION_EVENT and not [
        d for d in deadlines_for(updated, now) if d.extension and d.extension.id == new_id
    ]:
        print_warning(
            _(
                "no {rule} deadline of this plan takes this extension (no trigger event on or "
                "before it, or the date is not later than the law's); `plancli check` says more."
            ).format(rule=fields.get("rule"))
        )
    started = [d for d in deadlines_for(updated, now) if d.trigger.event_id == new_id]
    if started:
        show_deadlines([(None, path, d) for d in started], now, Format.TABLE, caseload=False)
    else:
        out.print(
            _("It starts no deadline by itself (it may meet one: see `plancli deadlines`)."),
            markup=False,
        )


@app.command()
def events(plan: OnePlanOption = None, lang: LangOption = None, today: TodayOption = None) -> None:
    """List the recorded events: id, date, type, fields, note (* = after today)."""
    now = today_of(today)
    with reporting_errors():
        loaded = store.load_plan(planfiles.one_plan(plan))
    text = view.events_text(loaded.events_by_date(), now)
    if text is None:
        out.print(_("No events yet. `plancli add TYPE DATE` records one."), markup=False)
        return
    write_text(text)


@app.command()
def remove(
    event_id: Annotated[
        str, typer.Argument(metavar="EVENT_ID", help=N_("The event's id (see `plancli events`)."))
    ],
    plan: OnePlanOption = None,
    lang: LangOption = None,
    yes: YesOption = False,
    today: TodayOption = None,  # accepted like every command that reads a plan (SPEC §1)
) -> None:
    """Remove an event (asks first; --yes for scripts)."""
    path = planfiles.one_plan(plan)
    with reporting_errors():
        loaded = store.load_plan(path)
        event = loaded.event(event_id)
        if event is None:
            raise UnknownNameError(
                _("No event '{id}' in {path}.").format(id=event_id, path=path)
                + suggestion(event_id, [e.id for e in loaded.events])
                + " "
                + _("`plancli events` lists them.")
            )
        if not yes:
            if not interactive():
                raise PlancliError(
                    _("Not removing {id} without confirmation: add --yes.").format(id=event_id)
                )
            question = _("Remove {id} ({type} on {date})?").format(
                id=event_id, type=event.type, date=event.date.isoformat()
            )
            if not confirm(question):
                out.print(_("Nothing removed."), markup=False)
                return
        store.update_plan(path, lambda document, _plan: store.remove_event(document, event_id))
    backup = report.printable(f"{path}.bak")
    write_text(
        _("Removed {id}. The previous version is in {backup}.").format(id=event_id, backup=backup)
        + "\n"
    )


def interactive() -> bool:
    """Is someone at the keyboard to answer questions (not a script, a pipe or cron)?"""
    return sys.stdin.isatty()


@app.command()
def check(plan: PlanOption = None, lang: LangOption = None, today: TodayOption = None) -> None:
    """Validate plan files and report every problem at once."""
    from plancli.checks import check_plan_file

    now = today_of(today)
    failed = False
    for message in planfiles.empty_folders(plan):
        print_error(message)
        failed = True
    for path in planfiles.plan_paths(plan):
        result = check_plan_file(path, now)
        if result.error is not None:
            print_error(result.error)
            failed = True
            continue
        for warning in result.warnings:
            print_warning(f"{path}: {warning}")
        if result.problems:
            print_error(str(PlanFileError(str(path), result.problems)))
            failed = True
        else:
            count = ngettext("{n} event", "{n} events", result.events).format(n=result.events)
            out.print(
                _("{path}: OK ({count}).").format(path=report.printable(str(path)), count=count),
                markup=False,
            )
    if failed:
        raise typer.Exit(code=1)
