# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging

from odoo import _, api, fields
from odoo.exceptions import ValidationError
from odoo.addons.base_geoengine import fields as geo_fields
from odoo.addons.base_geoengine import geo_model

from uchaske_rules import geo as rules

_logger = logging.getLogger(__name__)

#: system parameters of the map's background (Settings > Technical >
#: Parameters): a WMS reachable from the users' machines, its layers
WMS_URL_PARAM = "uchaske_geo.wms_url"
WMS_LAYERS_PARAM = "uchaske_geo.wms_layers"
#: the raster layer types our map fills from the parameters
WMS_TYPE = "d_wms"
#: demo: the south-west corner (longitude, latitude) of each department's
#: first district -- Astana's Yesil district, the Tselinograd district
DEMO_CORNERS = ((71.40, 51.10), (71.20, 51.30))
#: demo: one district's rectangle, degrees (about 2 km x 2 km)
DEMO_SIZE = (0.03, 0.02)


class UchaskeDistrictPassport(geo_model.GeoModel):
    """A1 §2: the district's boundary, a polygon drawn on a map (Web
    Mercator, PostGIS). Same rules as the passport: the district's
    inspector and assistant draw it, the responsible inspector and the
    chief read it (R2.3), another department sees nothing (R16)."""

    _inherit = "uchaske.district.passport"

    district_name = fields.Char(
        related="district_id.name", readonly=True,
        help="The label of the district's polygon on the map.")
    boundary = geo_fields.GeoPolygon(
        string="District boundary", srid=3857,
        help="A1 §2: the district's outline on the map. Draw it point by "
             "point, double-click to close it; drag a corner to move it.")

    # -- bad input: a translated message naming the field ------------------

    @api.model
    def _geo_boundary_problem(self, value):
        """None, or why ``value`` (GeoJSON, WKT or a geometry) is no
        district boundary."""
        if not value:
            return None
        field = self._fields["boundary"]
        try:
            shape = field.entry_to_shape(value, same_type=False)
        except Exception:  # pylint: disable=broad-except
            # GEOS, geojson and JSON errors alike: the drawing is unreadable
            _logger.info("unreadable boundary refused", exc_info=True)
            return _("District boundary: the drawing cannot be read as a "
                     "polygon; draw it again.")
        if shape.is_empty:
            return None
        if shape.geom_type != "Polygon":
            return _("District boundary: draw one polygon (the drawing is a "
                     "%s).") % shape.geom_type
        if rules.outside_map(shape.exterior.coords):
            return _("District boundary: a point lies outside the map.")
        if not shape.is_valid:
            return _("District boundary: the outline crosses itself; draw it "
                     "again without crossing lines.")
        return None

    @api.model
    def _geo_check_vals(self, vals):
        if "boundary" in vals:
            problem = self._geo_boundary_problem(vals["boundary"])
            if problem:
                raise ValidationError(problem)

    @api.model
    def create(self, vals):
        self._geo_check_vals(vals)
        return super(UchaskeDistrictPassport, self).create(vals)

    @api.multi
    def write(self, vals):
        self._geo_check_vals(vals)
        return super(UchaskeDistrictPassport, self).write(vals)

    # -- the background: plain, or the WMS of the system parameters --------

    @api.model
    def _geo_background(self, layer):
        """``layer`` (a raster layer's values) with the WMS URL and layers
        of the system parameters; none configured: no URL, and the map
        draws on a plain background (no external tile server, issue 10)."""
        if layer.get("raster_type") != WMS_TYPE:
            return layer
        params = self.env["ir.config_parameter"].sudo()
        url = (params.get_param(WMS_URL_PARAM) or "").strip()
        layers = (params.get_param(WMS_LAYERS_PARAM) or "").strip()
        return dict(layer, url=url or False,
                    params=json.dumps({"LAYERS": layers}) if url else False)

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False,
                        submenu=False):
        result = super(UchaskeDistrictPassport, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar,
            submenu=submenu)
        layers = result.get("geoengine_layers")
        if layers:
            layers["backgrounds"] = [self._geo_background(layer)
                                     for layer in layers["backgrounds"]]
        return result

    @api.model
    def get_edit_info_for_geo_column(self, column):
        result = super(UchaskeDistrictPassport, self).get_edit_info_for_geo_column(
            column)
        result["edit_raster"] = self._geo_background(result["edit_raster"])
        return result

    # -- demo ------------------------------------------------------------------

    @api.model
    def _demo_boundaries(self):
        """Demo: a rough rectangle around each district, side by side per
        department (Astana, the Tselinograd district)."""
        passports = self.sudo().search([("boundary", "=", False)])
        departments = passports.mapped("department_id").sorted("id")
        width, height = DEMO_SIZE
        for index, department in enumerate(departments):
            lon, lat = DEMO_CORNERS[index % len(DEMO_CORNERS)]
            lat += (index // len(DEMO_CORNERS)) * 0.1
            ours = passports.filtered(
                lambda p, dep=department: p.department_id == dep)
            for number, passport in enumerate(ours.sorted("district_number")):
                # write(), not assignment: the field reads a string
                # assigned to it as WKB
                passport.write({"boundary": rules.rectangle_wkt(
                    lon + (number % 5) * width, lat + (number // 5) * height,
                    width, height)})
        return True
