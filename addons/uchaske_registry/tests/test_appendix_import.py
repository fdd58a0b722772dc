# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import of the lists of R17 (Appendices 2-4) from CSV and XLSX files, run
as the inspector: every row is imported or reported with its line number and
reason, nothing is silently dropped."""
import base64
import io
import os
import re
from datetime import datetime

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.common import UchaskeCase

from uchaske_rules import iin as iin_core

TODAY = "2026-06-15"
SAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "static", "samples")


def _iin(year, month, day, sex, serial):
    return iin_core.make_iin(datetime(year, month, day).date(), sex, serial)


@common.at_install(False)
@common.post_install(True)
class TestAppendixImport(UchaskeCase):

    def _sample(self, name):
        with open(os.path.join(SAMPLES, name), "rb") as handle:
            return handle.read()

    def _import(self, list_type, data, filename, role="inspector", district=None,
                context=None):
        Import = self.env["uchaske.appendix.import"].with_context(**(context or {}))
        wizard = Import.sudo(self.users[role]).create({
            "list_type": list_type,
            "district_id": (district or self.district1).id,
            "file": base64.b64encode(data),
            "filename": filename,
        })
        with freeze_time(TODAY):
            wizard.action_import()
        return wizard

    def _rejected(self, wizard):
        """{line: reasons} of the result text."""
        return {int(line): reasons for line, reasons in
                re.findall(r"^Line (\d+): (.*)$", wizard.result, re.M)}

    def _entries(self, model, district=None):
        return self.env[model].search(
            [("district_id", "=", (district or self.district1).id)], order="number")

    # -- the sample files ----------------------------------------------------

    def test_import_sample_a2(self):
        """R17/A2: the sample list of firearm owners (Russian headers, ';')
        imports completely; persons are created by IIN in the district's
        department; R22.10 due dates follow."""
        wizard = self._import("a2", self._sample("a2_firearm_owners.csv"),
                              "a2_firearm_owners.csv")
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (4, 0),
                         wizard.result)
        self.assertTrue(wizard.result.startswith("4 imported, 0 rejected."))
        owners = self._entries("uchaske.firearm.owner")
        self.assertEqual(owners.mapped("number"), [1, 2, 3, 4])
        first = owners[0]
        self.assertEqual(first.person_id.iin, "750314301010")
        self.assertEqual(first.person_id.name, "Ахметов Серик Болатович")
        self.assertEqual(first.person_id.birth_date, "1975-03-14")
        self.assertEqual(first.person_id.sex, "male")
        self.assertEqual(first.person_id.department_id, self.dep1)
        self.assertEqual(first.person_id.district_id, self.district1)
        self.assertEqual(first.address, "ул. Абая 10, кв. 5")
        self.assertEqual((first.weapon_make, first.calibre, first.weapon_number),
                         ("ИЖ-27", "12", "Н-123456"))
        self.assertEqual((first.permit_issued_on, first.permit_valid_until),
                         ("2021-05-12", "2026-05-12"))
        self.assertEqual(first.next_check_due, "2026-03-10")
        self.assertEqual(owners[3].seized_date, "2020-02-20")
        self.assertEqual(owners[3].person_id.name, "Ким Виктор")
        with freeze_time(TODAY):
            overdue = self.env["uchaske.firearm.owner"].sudo(
                self.users["inspector"]).search([("check_overdue", "=", True)])
        self.assertEqual(overdue, owners[0] | owners[2])

    def test_import_sample_a3_twice(self):
        """R17/A3: the sample list (Kazakh headers, ',') imports; a person
        without IIN is found by full name and birth date. Imported again,
        every row finds its entry (same person, same date entered): nothing
        is added, no person is duplicated (issue 7)."""
        data = self._sample("a3_noncustodial.csv")
        wizard = self._import("a3", data, "a3_noncustodial.csv")
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (3, 0),
                         wizard.result)
        listed = self._entries("uchaske.noncustodial.person")
        self.assertEqual(listed.mapped("date_entered"),
                         ["2025-03-01", "2024-11-15", "2026-02-10"])
        self.assertEqual(listed[1].date_removed, "2025-11-15")
        self.assertEqual(listed[1].person_id.iin, "010917602022")
        self.assertEqual(listed[2].person_id.birth_date, "1988-12-01")
        self.assertFalse(listed[2].person_id.iin)
        self.assertEqual(listed[2].work_phone, "8 7172 55-00-11")
        self.assertEqual(listed[0].measure, "ограничение свободы 2 года")
        self.assertEqual(
            listed.with_context(as_of="2026-01-01").filtered("listed_on_date"),
            listed[0])
        persons = self.env["uchaske.person"].search_count([])
        again = self._import("a3", data, "a3_noncustodial.csv")
        self.assertEqual((again.imported_count, again.rejected_count,
                          again.updated_count), (3, 0, 3), again.result)
        self.assertEqual(self._entries("uchaske.noncustodial.person"), listed)
        self.assertEqual(self.env["uchaske.person"].search_count([]), persons)
        # another period of the same person overlapping the listed one is
        # still refused
        overlap = data.decode("utf-8").replace("2025-03-01", "2025-04-01")
        third = self._import("a3", overlap.encode("utf-8"), "a3.csv")
        self.assertIn("may not overlap", self._rejected(third)[2])

    def test_import_sample_a2_twice_updates(self):
        """R17/A2: importing the sample again adds no row, also not for the
        seized weapon (same owner and weapon number); a changed cell of the
        file updates the entry (issue 7)."""
        data = self._sample("a2_firearm_owners.csv")
        self._import("a2", data, "a2_firearm_owners.csv")
        owners = self._entries("uchaske.firearm.owner")
        self.assertEqual(len(owners), 4)
        for _round in range(2):
            again = self._import("a2", data, "a2_firearm_owners.csv")
            self.assertEqual((again.imported_count, again.rejected_count,
                              again.updated_count), (4, 0, 4), again.result)
        self.assertEqual(self._entries("uchaske.firearm.owner"), owners)
        self.assertEqual(self.env["uchaske.firearm.owner"].with_context(
            active_test=False).search_count([("weapon_number", "=", "МР-445566")]),
            1)
        changed = data.decode("utf-8").replace("10.03.2025", "11.03.2025")
        self._import("a2", changed.encode("utf-8"), "a2.csv")
        self.assertEqual(owners[0].last_check_date, "2025-03-11")
        self.assertEqual(self._entries("uchaske.firearm.owner"), owners)

    def test_import_sample_a4_twice_updates(self):
        """R17/A4: the same foreigner and passport imported again updates
        the entry instead of being refused or added (issue 7)."""
        data = self._sample("a4_foreigners.csv")
        self._import("a4", data, "a4_foreigners.csv")
        foreigners = self._entries("uchaske.foreigner")
        changed = data.decode("utf-8").replace("2026-07-10", "2026-08-10")
        again = self._import("a4", changed.encode("utf-8"), "a4.csv")
        self.assertEqual((again.imported_count, again.rejected_count,
                          again.updated_count), (3, 0, 3), again.result)
        self.assertEqual(self._entries("uchaske.foreigner"), foreigners)
        self.assertEqual(foreigners[1].stay_permitted_until, "2026-08-10")

    def test_import_sample_a4(self):
        """R17/A4: the sample list of foreigners (English headers) imports
        with citizenship, residence status and stay; a foreigner without IIN
        is created from full name and date of birth."""
        wizard = self._import("a4", self._sample("a4_foreigners.csv"),
                              "a4_foreigners.csv")
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (3, 0),
                         wizard.result)
        foreigners = self._entries("uchaske.foreigner")
        self.assertEqual(foreigners.mapped("citizenship_id.code"), ["UZ", "CN", "KG"])
        self.assertEqual(foreigners.mapped("residence_status"),
                         ["permanent", "temporary", "temporary"])
        self.assertEqual(foreigners[1].person_id.birth_date, "1992-06-01")
        self.assertEqual(foreigners[1].stay_permitted_until, "2026-07-10")
        self.assertEqual(foreigners[2].residence_check_date, "2026-04-12")
        with freeze_time(TODAY):
            expiring = self.env["uchaske.foreigner"].search([("expiring", "=", True)])
        self.assertEqual(expiring & foreigners, foreigners[1])

    def test_import_is_a_bulk_load(self):
        """R17, issue 14: a list is loaded like Odoo's own import, without a
        chatter note, tracking values or followers per row; who loaded each
        row stays on the row (create_uid), and the person's current address
        and district are set."""
        # the fixtures' context disables tracking: as a user runs it, on
        quiet = ("tracking_disable", "mail_notrack", "mail_create_nolog")
        wizard = self._import("a4", self._sample("a4_foreigners.csv"),
                              "a4_foreigners.csv",
                              context=dict.fromkeys(quiet, False))
        foreigners = self._entries("uchaske.foreigner")
        self.assertEqual(len(foreigners), 3, wizard.result)
        records = [(f._name, f.id) for f in foreigners] + \
            [(p._name, p.id) for p in foreigners.mapped("person_id")]
        for model, res_id in records:
            domain = [("model", "=", model), ("res_id", "=", res_id)]
            self.assertFalse(self.env["mail.message"].search(domain), model)
            self.assertFalse(self.env["mail.followers"].search(
                [("res_model", "=", model), ("res_id", "=", res_id)]), model)
        self.assertEqual(foreigners.mapped("create_uid"), self.users["inspector"])
        person = foreigners[0].person_id
        self.assertEqual(person.create_uid, self.users["inspector"])
        self.assertEqual(person.district_id, self.district1)
        self.assertTrue(person.address)

    # -- bad rows --------------------------------------------------------------

    def test_import_csv_reports_every_bad_row(self):
        """R17/A2: each bad row is reported with its line number and reason,
        the good rows are imported, the line count adds up."""
        good1 = _iin(1980, 1, 2, "male", 501)
        good2 = _iin(2003, 4, 5, "female", 502)
        bad_checksum = good1[:11] + str((int(good1[11]) + 1) % 10)
        csv_text = "\n".join([
            "IIN,Owner's full name,Weapon No.,Permit issued on,Seized/surrendered on",
            "%s,Good First,W-1,2020-01-01," % good1,                # 2 ok
            "%s,Bad Checksum,W-2,2020-01-01," % bad_checksum,       # 3 IIN
            "%s,Good Second,W-3,01.02.2021," % good2,               # 4 ok
            "%s,No Weapon,,2020-01-01," % _iin(1981, 1, 1, "male", 503),  # 5
            "%s,Bad Date,W-5,31.02.2021," % _iin(1982, 1, 1, "male", 504),  # 6
            "",                                                     # 7 blank
            "%s,Future Permit,W-7,2026-06-16," % _iin(1983, 1, 1, "male", 505),  # 8
            "%s,Double Weapon,W-1,2020-01-01," % _iin(1984, 1, 1, "male", 506),  # 9
            ",Nobody,W-9,2020-01-01,",                              # 10 no IIN/birth
            "%s,Seized Early,W-10,2020-01-01,2019-01-01"            # 11 model
            % _iin(1985, 1, 1, "male", 507),
        ])
        wizard = self._import("a2", csv_text.encode("utf-8"), "bad.csv")
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (2, 7),
                         wizard.result)
        self.assertTrue(wizard.result.startswith("2 imported, 7 rejected."))
        rejected = self._rejected(wizard)
        self.assertEqual(sorted(rejected), [3, 5, 6, 8, 9, 10, 11])
        self.assertIn("check digit of the IIN is wrong", rejected[3])
        self.assertIn('"Weapon No." is empty', rejected[5])
        self.assertIn('"Permit issued on" is not a date', rejected[6])
        self.assertIn("cannot be in the future", rejected[8])
        self.assertIn("already listed for Good First", rejected[9])
        self.assertIn("IIN or the date of birth", rejected[10])
        self.assertIn("before the permit was issued", rejected[11])
        owners = self._entries("uchaske.firearm.owner")
        self.assertEqual(owners.mapped("person_id.surname"), ["Good", "Good"])
        self.assertEqual(owners.mapped("weapon_number"), ["W-1", "W-3"])
        self.assertEqual(owners[1].permit_issued_on, "2021-02-01")
        # the persons of refused rows were rolled back with them
        self.assertFalse(self.env["uchaske.person"].search(
            [("surname", "in", ["Future", "Double", "Seized"])]))

    def test_import_xlsx(self):
        """R17/A3: an XLSX list with Russian headers: date cells, an IIN
        typed as a number (leading zero lost), a blank row still counted;
        bad rows are reported with their spreadsheet row number."""
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["№", "ИИН", "ФИО", "Дата рождения", "Адрес",
                      "Дата внесения в список", "Дата исключения из списка",
                      "Особые отметки"])
        iin_2000s = _iin(2004, 6, 7, "male", 601)
        self.assertTrue(iin_2000s.startswith("0"))
        sheet.append([1, int(iin_2000s), "Серикбаев Арман", None, "ул. Абая 1",
                      datetime(2026, 1, 15), None, "условно"])        # 2 ok
        sheet.append([2, None, "Ли Ольга Петровна", datetime(1990, 3, 3),
                      "ул. Абая 2", "20.02.2026", None, None])        # 3 ok
        sheet.append([None] * 8)                                      # 4 blank
        sheet.append([4, _iin(1979, 1, 1, "male", 603), "Бекетов Ерлан", None,
                      None, datetime(2026, 3, 1), datetime(2026, 2, 1),
                      None])                                          # 5 model
        sheet.append([5, "12345", "Короткий ИИН", None, None,
                      datetime(2026, 3, 1), None, None])              # 6 IIN
        sheet.append([6, _iin(1977, 1, 1, "male", 605), "Одиноков", None, None,
                      "вчера", None, None])                           # 7 two errors
        sheet.append([7, _iin(1976, 1, 1, "female", 606), "Без Даты Входа",
                      None, None, None, None, None])                  # 8 required
        stream = io.BytesIO()
        workbook.save(stream)
        wizard = self._import("a3", stream.getvalue(), "a3.xlsx")
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (2, 4),
                         wizard.result)
        rejected = self._rejected(wizard)
        self.assertEqual(sorted(rejected), [5, 6, 7, 8])
        self.assertIn("before being entered", rejected[5])
        self.assertIn("12 digits", rejected[6])
        self.assertIn('"Date entered" is not a date', rejected[7])
        self.assertIn('"Date entered" is empty', rejected[8])
        listed = self._entries("uchaske.noncustodial.person")
        self.assertEqual(listed.mapped("person_id.iin"), [iin_2000s, False])
        self.assertEqual(listed[0].person_id.birth_date, "2004-06-07")
        self.assertEqual(listed[0].date_entered, "2026-01-15")
        self.assertEqual(listed[1].date_entered, "2026-02-20")
        self.assertEqual(listed[1].person_id.name, "Ли Ольга Петровна")

    def test_import_missing_required_column(self):
        """R17/A2: without the "Weapon No." column the header line is
        reported and so is every row: nothing silently dropped."""
        csv_text = "ИИН;ФИО владельца\n%s;Иванов Иван\n%s;Петров Пётр\n" % (
            _iin(1970, 1, 1, "male", 701), _iin(1970, 1, 2, "male", 702))
        wizard = self._import("a2", csv_text.encode("cp1251"), "list.csv")
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (0, 2))
        rejected = self._rejected(wizard)
        self.assertIn('the column "Weapon No." is missing', rejected[1])
        self.assertIn('"Weapon No." is empty', rejected[2])
        self.assertIn('"Weapon No." is empty', rejected[3])

    # -- persons and access ------------------------------------------------------

    def test_import_reuses_a_known_person(self):
        """R17/A4: a person already recorded (here by another department) is
        found by IIN and not duplicated; the entry makes the person readable
        to the inspector."""
        iin = _iin(1985, 4, 10, "male", 801)
        known = self.env["uchaske.person"].create({
            "surname": "Каримов", "first_name": "Бахтиёр", "iin": iin,
            "department_id": self.dep2.id})
        csv_text = "IIN;Full name;Citizenship;Passport No.\n%s;Каримов Б.;UZ;AA1\n" \
            ";Nobody Known;Atlantis;AA2\n" % iin
        wizard = self._import("a4", csv_text.encode("utf-8"), "a4.csv")
        self.assertEqual((wizard.imported_count, wizard.rejected_count), (1, 1),
                         wizard.result)
        self.assertIn("IIN or the date of birth", self._rejected(wizard)[3])
        entry = self._entries("uchaske.foreigner")
        self.assertEqual(entry.person_id, known)
        self.assertEqual(known.citizenship_id, self.env.ref("base.uz"))
        self.assertEqual(
            self.env["uchaske.person"].search_count([("iin", "=", iin)]), 1)
        self.assertEqual(known.sudo(self.users["inspector"]).read(["name"])[0]["name"],
                         "Каримов Бахтиёр")
        bad = "Full name;Date of birth;Citizenship\nWang Li;1990-01-01;Atlantis\n"
        wizard = self._import("a4", bad.encode("utf-8"), "a4.csv")
        self.assertIn('unknown citizenship "Atlantis"', self._rejected(wizard)[2])

    def test_import_into_another_department_refused(self):
        """R17/R16: an inspector cannot load a list into a district of another
        department: the wizard refuses the district it may not read (issue 8),
        nothing is written."""
        persons = self.env["uchaske.person"].search_count([])
        with self.assertRefused(AccessError, "District"):
            self._import("a2", self._sample("a2_firearm_owners.csv"),
                         "a2_firearm_owners.csv", district=self.district2)
        self.assertFalse(self._entries("uchaske.firearm.owner", self.district2))
        self.assertEqual(self.env["uchaske.person"].search_count([]), persons)

    def test_import_assistant_and_open_list(self):
        """R2.3/R17: the assistant loads the lists of the district too; the
        wizard then opens the list of that district."""
        wizard = self._import("a4", self._sample("a4_foreigners.csv"),
                              "a4_foreigners.csv", role="assistant")
        self.assertEqual(wizard.imported_count, 3, wizard.result)
        action = wizard.action_open_list()
        self.assertEqual(action["res_model"], "uchaske.foreigner")
        self.assertEqual(action["domain"], [("district_id", "=", self.district1.id)])
        # from the menu: the list replaces the breadcrumbs (issue 7)
        self.assertEqual(action["target"], "main")
        # from the list's own button: the dialog closes onto that list
        self.assertEqual(
            wizard.with_context(uchaske_import_from_list=True).action_open_list(),
            {"type": "ir.actions.act_window_close"})
