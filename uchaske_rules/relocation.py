# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Transfer of a registered person who moves (R14).

R14: when a registered person moves permanently to another district of the
city (region) or to another region, within three тәулік (24-hour days) after
the move the department sends a request to the department at the chosen
address to confirm the person's arrival; after the confirmation, the
materials of the preventive work follow.

The three тәулік run from the exact moment of the move, to the second
(:func:`uchaske_rules.dates.add_24h_days`); a request sent at
the very moment of the deadline is on time. Datetimes are naive, in the local
time zone chosen by the caller.
"""
from . import dates

#: R14: the request is sent within three тәулік after the move.
REQUEST_DEADLINE_DAYS = 3

REASON_SAME_DISTRICT = "same_district"


class InvalidTransfer(ValueError):
    """The transfer is not a move; ``reason`` (= ``args[0]``) says why."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def request_due(move_moment):
    """Return the moment the confirmation request is due: move + 3 × 24 h."""
    return dates.add_24h_days(move_moment, REQUEST_DEADLINE_DAYS)


def request_sent_late(move_moment, sent_at):
    """Return True if the request was sent strictly after its deadline (R14)."""
    return dates.is_overdue(request_due(move_moment), sent_at)


def validate_transfer(origin_district_id, destination_district_id,
                      destination_department_external=False):
    """Raise InvalidTransfer('same_district') if the person does not move.

    A move within the same district is not a transfer (R14 speaks of another
    district or region). Districts are compared by id; an unknown district
    (None or False, the Odoo empty value, e.g. for a district of an external
    department not kept in this database) is never "the same".
    ``destination_department_external`` does not change the rule; it is
    accepted so that callers pass the whole transfer and the rule can grow.
    """
    if origin_district_id and origin_district_id == destination_district_id:
        raise InvalidTransfer(REASON_SAME_DISTRICT)


# -- what a case's transfers allow (R14), from their states alone -----------

#: states of a transfer still under way: the case has an open transfer
OPEN_TRANSFER_STATES = ("draft", "requested", "confirmed")
#: states of a transfer that returns the case to supervision
FAILED_TRANSFER_STATES = ("not_found", "cancelled")

#: :func:`close_refusal`'s answers
CLOSE_TRANSFER_UNFINISHED = "transfer_unfinished"
CLOSE_REASON_MISMATCH = "reason_mismatch"


def has_open_transfer(transfer_states):
    """True if one of the case's transfers is still under way."""
    return any(state in OPEN_TRANSFER_STATES for state in transfer_states)


def close_refusal(case_state, close_reason, transfer_states):
    """Why a case may not be closed (R14), or None: a case in transfer
    closes only after a finished ("done") transfer, and "transferred" is
    the reason exactly when such a transfer closes it. No reason yet is no
    refusal (the closing asks for it)."""
    finished = "done" in transfer_states
    if case_state == "transfer" and not finished:
        return CLOSE_TRANSFER_UNFINISHED
    if close_reason and (close_reason == "transferred") != (
            case_state == "transfer" and finished):
        return CLOSE_REASON_MISMATCH
    return None


def may_return_from_transfer(transfer_states):
    """R14: back to supervision only when no transfer is under way and the
    newest one (``transfer_states`` newest first) failed: the person was
    not found at the destination, or it was cancelled."""
    return not has_open_transfer(transfer_states) and bool(
        transfer_states) and transfer_states[0] in FAILED_TRANSFER_STATES
