# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A1 §2 (issue 10): the district's boundary as a polygon on a map, as real
users of each role: the district's inspector draws his own district, the
responsible inspector and the chief read it (R2.3), another department
neither reads nor draws it (R16); an unreadable, self-crossing or
non-polygon drawing is refused with a translated message naming the field,
nothing written; the background is plain or the configured WMS."""
import json

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import common

from odoo.addons.uchaske_base.tests.test_passport import PassportCase

from uchaske_rules import geo as rules

#: a square of about 2 km in Astana, as the map widget sends it (GeoJSON,
#: EPSG:3857 metres)
X, Y = rules.lonlat_to_mercator(71.43, 51.13)
SQUARE = json.dumps({"type": "Polygon", "coordinates": [[
    [X, Y], [X, Y + 2000], [X + 2000, Y + 2000], [X + 2000, Y], [X, Y]]]})
#: a bow tie: its outline crosses itself
BOW_TIE = json.dumps({"type": "Polygon", "coordinates": [[
    [X, Y], [X + 2000, Y + 2000], [X + 2000, Y], [X, Y + 2000], [X, Y]]]})
POINT = json.dumps({"type": "Point", "coordinates": [X, Y]})


@common.at_install(False)
@common.post_install(True)
class TestDistrictBoundary(PassportCase):

    @classmethod
    def setUpClass(cls):
        super(TestDistrictBoundary, cls).setUpClass()
        cls.passport2.write({"boundary": rules.rectangle_wkt(71.2, 51.3, 0.03, 0.02)})

    def test_a1_inspector_draws_his_district(self):
        """A1 §2: the district's inspector draws the boundary; the assistant
        redraws it (R2.3: the assistant fills); it reads back as GeoJSON."""
        self.passport1.sudo(self.users["inspector"]).write({"boundary": SQUARE})
        shape = self.passport1.boundary
        self.assertEqual(shape.geom_type, "Polygon")
        self.assertAlmostEqual(shape.area, 2000 * 2000, delta=1)
        read = self.passport1.sudo(self.users["inspector"]).read(["boundary"])[0]
        self.assertEqual(json.loads(read["boundary"])["type"], "Polygon")
        self.passport1.sudo(self.users["assistant"]).write({"boundary": False})
        self.assertFalse(self.passport1.boundary)

    def test_r2_3_supervisors_read_the_boundary(self):
        """R2.3: the responsible inspector and the chief read the boundary of
        their police point / department and draw none."""
        self.passport1.write({"boundary": SQUARE})
        for role in ("responsible", "chief"):
            passport = self.passport1.sudo(self.users[role])
            self.assertTrue(passport.read(["boundary"])[0]["boundary"], role)
            with self.assertRefused(AccessError, "security restrictions"):
                passport.write({"boundary": False})
        self.assertTrue(self.passport1.boundary)

    def test_r16_other_department_sees_no_boundary(self):
        """R16: the second department's inspector neither reads nor draws
        the first department's boundary, and finds none on his map."""
        self.passport1.write({"boundary": SQUARE})
        for role in ("inspector2", "assistant2", "chief2"):
            passport = self.passport1.sudo(self.users[role])
            with self.assertRefused(AccessError):
                passport.read(["boundary"])
            with self.assertRefused(AccessError):
                passport.write({"boundary": False})
            found = self.Passport.sudo(self.users[role]).search_read(
                [("boundary", "!=", False)], ["district_id", "boundary"])
            self.assertNotIn(self.passport1.id, [row["id"] for row in found])
        self.assertIn(self.passport2.id, [row["id"] for row in self.Passport.sudo(
            self.users["inspector2"]).search_read([("boundary", "!=", False)], ["id"])])
        self.assertTrue(self.passport1.boundary)

    def test_a1_bad_drawing_refused_translated(self):
        """A1 §2, bad input: a self-crossing outline, a point, an unreadable
        drawing, a point outside the map: a short message naming the field,
        in the user's language; nothing written."""
        inspector = self.passport1.sudo(self.users["inspector"])
        inspector.write({"boundary": SQUARE})
        far = json.dumps({"type": "Polygon", "coordinates": [[
            [0, 0], [0, 3e7], [10, 3e7], [0, 0]]]})
        for value, pattern in ((BOW_TIE, "crosses itself"),
                               (POINT, "draw one polygon"),
                               ("{not a drawing", "cannot be read"),
                               ("POLYGON ((1 2, 3", "cannot be read"),
                               (far, "outside the map")):
            with self.assertRefused(ValidationError,
                                    "District boundary: .*%s" % pattern):
                inspector.write({"boundary": value})
        with self.assertRefused(ValidationError, "Учаске шекарасы"):
            inspector.with_context(lang="kk_KZ").write({"boundary": BOW_TIE})
        self.assertAlmostEqual(self.passport1.boundary.area, 2000 * 2000, delta=1)

    def test_a1_map_background_plain_or_wms(self):
        """No external tile server: without a WMS in the system parameters
        the inspector's map has a plain background; with one, its URL and
        layers. The map view opens for the inspector (geoengine layers)."""
        Passport = self.Passport.sudo(self.users["inspector"])
        info = Passport.get_edit_info_for_geo_column("boundary")
        self.assertEqual(info["edit_raster"]["raster_type"], "d_wms")
        self.assertFalse(info["edit_raster"]["url"])
        self.assertEqual(info["geo_type"], "POLYGON")
        self.assertEqual(info["srid"], 3857)
        params = self.env["ir.config_parameter"]
        params.set_param("uchaske_geo.wms_url", "http://wms.police.kz/wms")
        params.set_param("uchaske_geo.wms_layers", "cadastre")
        info = Passport.get_edit_info_for_geo_column("boundary")
        self.assertEqual(info["edit_raster"]["url"], "http://wms.police.kz/wms")
        self.assertEqual(json.loads(info["edit_raster"]["params"]),
                         {"LAYERS": "cadastre"})
        geo_view = self.env.ref("uchaske_geo.uchaske_district_passport_view_geoengine")
        view = Passport.fields_view_get(view_id=geo_view.id, view_type="geoengine")
        layers = view["geoengine_layers"]
        self.assertEqual(layers["backgrounds"][0]["url"], "http://wms.police.kz/wms")
        self.assertEqual(layers["actives"][0]["geo_field_id"][1], "boundary")
        self.assertIn("boundary", view["fields"])

    def test_a1_map_names_each_district(self):
        """A1 §2: each polygon of the map carries its district's name: the
        boundaries' layer labels its polygons with ``district_name``, which
        the map view loads and each role reads for the districts it sees
        (the label itself is drawn by uchaske_geo.js, seen in the browser
        journey of the chief's map)."""
        geo_view = self.env.ref("uchaske_geo.uchaske_district_passport_view_geoengine")
        for role in ("inspector", "chief"):
            Passport = self.Passport.sudo(self.users[role])
            view = Passport.fields_view_get(view_id=geo_view.id,
                                            view_type="geoengine")
            layer = view["geoengine_layers"]["actives"][0]
            self.assertTrue(layer["display_polygon_labels"])
            self.assertEqual(layer["attribute_field_id"][1], "district_name")
            self.assertIn("district_name", view["fields"])
            names = {row["district_name"] for row in Passport.search_read(
                [], ["district_name"])}
            self.assertIn(self.passport1.district_id.name, names, role)
            self.assertNotIn(self.passport2.district_id.name, names, role)
