# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Uchaske: district boundaries on a map",
    "summary": "The district's boundary as a polygon (Appendix 1, section 2) "
               "with PostGIS and OCA base_geoengine",
    "version": "11.0.1.0.0",
    "category": "Uchaske",
    "website": "https://example.invalid/uchaske",
    "author": "Uchaske contributors",
    "license": "LGPL-3",
    "installable": True,
    # installs itself where base_geoengine is installable (PostGIS present);
    # uchaske_base stays installable without PostGIS
    "auto_install": True,
    "depends": [
        "uchaske_base",
        "base_geoengine",
    ],
    "external_dependencies": {
        "python": ["shapely", "geojson"],
    },
    "data": [
        "security/uchaske_geo_security.xml",
        "views/assets.xml",
        "views/uchaske_district_passport_views.xml",
    ],
    "demo": [
        "demo/uchaske_geo_demo.xml",
    ],
}
