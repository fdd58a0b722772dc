# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

from uchaske_rules.dates import format_order_date

from .uchaske_district_passport_year import FIGURES


class UchaskeDistrictPassportPrint(models.AbstractModel):
    """Appendix 1 printed (QWeb PDF): the sections' titles and columns as
    the Kazakh text of the order has them, in the printing user's
    language (``_()`` at render time)."""

    _name = "report.uchaske_base.report_district_passport"
    _description = "District passport print (Appendix 1)"

    @api.model
    def _section_1(self, passport):
        columns = [_("No."), _("Rank, full name of the district police inspector"),
                   _("Date of acceptance, signature"),
                   _("Date of handover, signature"),
                   _("Position, rank, full name of the head present at the "
                     "acceptance"),
                   _("Remarks and proposals of the head of the police body who "
                     "accepted or handed over")]
        rows = []
        for number, act in enumerate(passport.handover_ids.sorted(
                lambda a: (a.date_acceptance or "", a.id)), 1):
            rows.append([number, act.accepting_user_id.name,
                         format_order_date(act.date_acceptance),
                         "%s (%s)" % (format_order_date(act.date_handover),
                                      act.handing_user_id.name),
                         ", ".join(filter(None, [act.supervisor_position,
                                                 act.supervisor_id.name])),
                         act.remarks or ""])
        return columns, rows

    @api.model
    def _section_3(self, passport):
        years = passport.year_ids.sorted("year")
        columns = [_("No."), _("Name")] + ["01.01.%s" % y.year for y in years]
        labels = [("area", _("Area (sq. km)"))] + [
            (name, passport.year_ids._fields[name]._description_string(self.env))
            for name, _label in FIGURES]
        rows = []
        for number, (name, label) in enumerate(labels, 1):
            rows.append([number, label] + [
                ("%g" % y[name]) if name == "area" else y[name] for y in years])
        return columns, rows

    @api.model
    def _entries(self, entries, names):
        rows = []
        for entry in entries:
            row = [entry.number]
            for name in names:
                value = entry[name]
                field = entry._fields[name]
                if field.type == "selection":
                    value = dict(field._description_selection(self.env)).get(
                        value, "")
                elif field.type == "boolean":
                    value = _("yes") if value else _("no")
                row.append(value or "")
            rows.append(row)
        return rows

    @api.model
    def _section_4(self, passport):
        columns = [_("No."), _("Name"), _("Form of ownership"), _("Address"),
                   _("Full name of the head, security chief, work and home "
                     "phone, home address (filled in pencil)"),
                   _("Work schedule"),
                   _("Type of security, security and fire alarm"),
                   _("Video surveillance installed"),
                   _("Notes (number of workers, vehicles, etc.)")]
        return columns, self._entries(passport.enterprise_ids, [
            "name", "ownership", "address", "head_contacts", "work_schedule",
            "security", "video_surveillance", "note"])

    @api.model
    def _section_5(self, passport):
        columns = [_("No."), _("Name"), _("Address"),
                   _("Full name of the head, commandant, watchman of the "
                     "dormitory or hotel, work and home phone, address "
                     "(filled in pencil)"),
                   _("Type of access regime (men, women, family, mixed), "
                     "its presence")]
        rows = []
        for row, entry in zip(self._entries(passport.dormitory_ids, [
                "name", "address", "head_contacts", "access_regime"]),
                passport.dormitory_ids):
            row[-1] = "%s, %s" % (row[-1], _("yes") if entry.access_control
                                  else _("no"))
            rows.append(row)
        return columns, rows

    @api.model
    def _section_6(self, passport):
        columns = [_("No."),
                   _("Name of the enterprise, institution, organisation, "
                     "departmental affiliation (ministry, agency and address)"),
                   _("Form of ownership"), _("Address"),
                   _("Full name of the person responsible for the object, work "
                     "and home phones, home address (filled in pencil)"),
                   _("Work regime of the access-control system (point)"),
                   _("Type of security")]
        rows = self._entries(passport.permit_object_ids, [
            "name", "ownership", "address", "responsible_contacts",
            "access_regime", "security"])
        for row, entry in zip(rows, passport.permit_object_ids):
            if entry.affiliation:
                row[1] = "%s, %s" % (row[1], entry.affiliation)
        return columns, rows

    @api.model
    def _sections(self, passport):
        return [
            (_("1. Acceptance and handover of the administrative district"),
             None) + self._section_1(passport),
            (_("2. Plan of the administrative district (insert)"),
             _("The plan shows the directions, the deployment of forces and "
               "means taking part in keeping public order in the district."))
            + ([], []),
            (_("3. Characteristics of the administrative district"),
             _("as of:")) + self._section_3(passport),
            (_("4. Enterprises, institutions, organisations, banks, joint-stock "
               "companies, farms, health, cultural, educational institutions, "
               "owners' cooperatives, restaurants, cafés, markets, warehouses "
               "and other trade and catering objects"), None)
            + self._section_4(passport),
            (_("5. Dormitories, hotels"), None) + self._section_5(passport),
            (_("6. List of permit-system objects (enterprises, organisations, "
               "institutions with firearms, ammunition, explosives, etc.)"),
             None) + self._section_6(passport),
        ]

    @api.model
    def _cover(self, passport):
        """The cover's lines. A method of its own: ``_()`` finds the
        print's language through ``self`` in its caller's frame, which a
        comprehension does not have."""
        return {
            "title": _("Passport of administrative district No. %s")
            % passport.district_number,
            "started": _("Started on %s") % (
                format_order_date(passport.date_started) or "—"),
            "finished": _("Finished on %s") % (
                format_order_date(passport.date_finished) or "—"),
            "retention": _("Retention period: %s") % (
                passport.retention_period or ""),
            "note": _("Note: the data of the administrative district's "
                      "passport are updated as of 1 January."),
            "appendix": _("Appendix 1 to the Rules of organising the "
                          "activity of district police inspectors and "
                          "their assistants"),
        }

    @api.model
    def get_report_values(self, docids, data=None):
        passports = self.env["uchaske.district.passport"].browse(docids)
        return {
            "doc_ids": docids, "doc_model": "uchaske.district.passport",
            "docs": passports,
            "sections": {p.id: self._sections(p) for p in passports},
            "cover": {p.id: self._cover(p) for p in passports},
        }
