# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from uchaske_rules.dates import format_order_date as format_date

#: the printed lists: {model: (appendix number or None, PDF report, XLSX report)}
LISTS = {
    "uchaske.firearm.owner": (
        2, "uchaske_registry.report_appendix2", "uchaske_registry.appendix2_xlsx"),
    "uchaske.noncustodial.person": (
        3, "uchaske_registry.report_appendix3", "uchaske_registry.appendix3_xlsx"),
    "uchaske.foreigner": (
        4, "uchaske_registry.report_appendix4", "uchaske_registry.appendix4_xlsx"),
    "uchaske.registry.case": (None, None, "uchaske_registry.register_xlsx"),
}


def join(*parts):
    """The non-empty ``parts``, comma-separated."""
    return ", ".join(str(part) for part in parts if part)


def text(value):
    """A cell: numbers stay numbers (XLSX), the rest is text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return str(value or "")


class UchaskeListPrint(models.AbstractModel):
    """What a printed list of Appendices 2-4 (R17) and the register export
    share, in PDF (QWeb, ``uchaske_base.report_list_table``) and XLSX
    (OCA ``report_xlsx``): the title as in the order, the columns of the
    order's form in its order, one row of cell texts per entry. Both formats
    read them here, so they have the same columns. Column titles are
    translated (the print's language is in the context)."""

    _name = "uchaske.list.print"
    _description = "Printed list of an appendix (R17)"

    # -- columns of each list: [(title, cell(entry) -> text)] ---------------

    @api.model
    def _columns_uchaske_firearm_owner(self):
        """A2, columns 1-7."""
        until = _("until %s")
        return [
            (_("Row No."), lambda e: e.number),
            (_("Full name of the weapon owner"), lambda e: e.person_id.name),
            (_("Address (home phone)"), lambda e: join(
                e.address, e.home_phone and "(%s)" % e.home_phone)),
            (_("Type, make, calibre and No. of the weapon"), lambda e: join(
                e.weapon_type, e.weapon_make, e.calibre,
                e.weapon_number and "№ %s" % e.weapon_number)),
            (_("Permit: when, by whom and for what term issued"), lambda e: join(
                e.permit_number and "№ %s" % e.permit_number,
                format_date(e.permit_issued_on), e.permit_issued_by,
                e.permit_valid_until and until % format_date(
                    e.permit_valid_until))),
            (_("Date of re-registration"),
             lambda e: format_date(e.reregistration_date)),
            (_("Date of seizure or surrender of the weapon"), lambda e: join(
                format_date(e.seized_date), e.seizure_kind and dict(
                    e._fields["seizure_kind"]._description_selection(e.env))[
                        e.seizure_kind])),
        ]

    @api.model
    def _columns_uchaske_noncustodial_person(self):
        """A3, columns 1-8."""
        return [
            (_("Row No."), lambda e: e.number),
            (_("Full name"), lambda e: e.person_id.name),
            (_("Date of birth"), lambda e: format_date(e.birth_date)),
            (_("Residence address"), lambda e: e.address or ""),
            (_("Workplace, position, work and home phones"), lambda e: join(
                e.workplace, e.position, e.work_phone, e.home_phone)),
            (_("Date entered in the list"), lambda e: format_date(e.date_entered)),
            (_("Date removed from the list"), lambda e: format_date(e.date_removed)),
            (_("Special marks"), lambda e: join(e.measure, e.special_marks)),
        ]

    @api.model
    def _columns_uchaske_foreigner(self):
        """A4, columns 1-7."""
        until = _("until %s")
        return [
            (_("Row No."), lambda e: e.number),
            (_("Full name, citizenship"), lambda e: join(
                e.person_id.name, e.citizenship_id.name)),
            (_("Passport No., validity"), lambda e: join(
                e.passport_number, e.passport_valid_until and until % (
                    format_date(e.passport_valid_until)))),
            (_("Term of stay permitted in this area"), lambda e: " – ".join(
                part for part in (format_date(e.stay_permitted_from),
                                  format_date(e.stay_permitted_until)) if part)),
            (_("Temporary residence, home phone"), lambda e: join(
                e.temporary_address, e.home_phone)),
            (_("Work or study place, position, work phone"), lambda e: join(
                e.work_place, e.position, e.work_phone)),
            (_("Mark on the date of the check at the residence"),
             lambda e: format_date(e.residence_check_date)),
        ]

    @api.model
    def _columns_uchaske_registry_case(self):
        """The register: the fields of the case card, titled by their
        (translated) labels."""
        model = self.env["uchaske.registry.case"]

        def label(name):
            return model._fields[name].get_description(self.env)["string"]

        def selection(entry, name):
            return dict(model._fields[name]._description_selection(
                self.env)).get(entry[name], "")
        return [
            (label("name"), lambda e: e.name),
            (label("person_id"), lambda e: e.person_id.name),
            (_("IIN"), lambda e: e.person_id.iin or ""),
            (label("category_id"), lambda e: e.category_id.name),
            (label("district_id"), lambda e: e.district_id.display_name),
            (label("inspector_id"), lambda e: e.inspector_id.name or ""),
            (label("grounds"), lambda e: join(
                selection(e, "grounds"),
                e.grounds_number and "№ %s" % e.grounds_number,
                format_date(e.grounds_date))),
            (label("date_start"), lambda e: format_date(e.date_start)),
            (label("date_end"), lambda e: format_date(e.date_end)),
            (label("state"), lambda e: selection(e, "state")),
        ]

    # -- the list as printed ------------------------------------------------

    @api.model
    def _titles(self, model, as_of=None):
        """(title as in the order, appendix note or "")."""
        appendix = LISTS[model][0]
        titles = {
            2: _("List of persons with firearms for personal use"),
            3: _("List of persons sentenced to punishments not involving "
                 "isolation from society or to other criminal-law measures, "
                 "as of %s") % format_date(as_of),
            4: _("List of foreigners permanently residing and temporarily "
                 "staying in the district"),
            None: _("Preventive register"),
        }
        note = _("Appendix %s to the Rules for organising the activities of "
                 "district police inspectors of internal affairs bodies and "
                 "their assistants") % appendix if appendix else ""
        return titles[appendix], note

    @api.model
    def _entries(self, model, docids, data):
        """The entries to print: ``docids``, else ``data["ids"]`` (a print
        with options carries its ids there), in the list's order."""
        if model not in LISTS:
            raise UserError(_("%s is not a printed list.") % model)
        ids = list(docids or (data or {}).get("ids") or [])
        return self.env[model].browse(ids).sorted(
            key=lambda e: (e.district_id.display_name or "",
                           e.number if "number" in e._fields else 0, e.id))

    @api.model
    def _list_values(self, model, docids, data):
        """Everything a printed list shows, in the context's language."""
        data = data or {}
        as_of = data.get("as_of") or fields.Date.context_today(self)
        entries = self._entries(model, docids, data).with_context(as_of=as_of)
        columns = getattr(self, "_columns_%s" % model.replace(".", "_"))()
        title, note = self._titles(model, as_of)
        rows = [[text(cell(entry)) for _title, cell in columns]
                for entry in entries]
        return {
            "doc_ids": entries.ids,
            "doc_model": model,
            "docs": entries,
            "report_title": title,
            "appendix_note": note,
            "report_subtitle": data.get("scope_label") or "",
            "signature_title": _("District inspector")
            if LISTS[model][0] in (3, 4) else "",
            "columns": [column[0] for column in columns],
            "rows": rows,
            # the department at the head: the entries' one, else the user's
            "o": entries[:1] if len(entries.mapped("department_id")) == 1 else None,
        }
