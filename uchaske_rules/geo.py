"""District boundaries on a map (A1 section 2): pure rules.

No odoo import, no geometry library: the map stores Web Mercator metres
(EPSG:3857, what the map widget draws in); the demo and the checks work on
plain coordinates.
"""
import math

#: EPSG:3857: half the circumference of the sphere, in metres
MERCATOR_HALF = 20037508.342789244
#: where Web Mercator stops (degrees of latitude)
MERCATOR_MAX_LAT = 85.05112878


def lonlat_to_mercator(lon, lat):
    """(x, y) in EPSG:3857 metres of a WGS 84 longitude and latitude."""
    if not -180 <= lon <= 180 or not -MERCATOR_MAX_LAT <= lat <= MERCATOR_MAX_LAT:
        raise ValueError("outside the map: %s, %s" % (lon, lat))
    x = lon * MERCATOR_HALF / 180.0
    y = math.log(math.tan((90.0 + lat) * math.pi / 360.0)) * MERCATOR_HALF / math.pi
    return x, y


def rectangle_wkt(lon, lat, width, height):
    """WKT of a rectangle (EPSG:3857) of ``width`` x ``height`` degrees whose
    south-west corner is at ``lon``, ``lat`` (the demo districts)."""
    corners = [(lon, lat), (lon, lat + height), (lon + width, lat + height),
               (lon + width, lat), (lon, lat)]
    points = ", ".join("%.2f %.2f" % lonlat_to_mercator(*corner)
                       for corner in corners)
    return "POLYGON ((%s))" % points


def outside_map(points):
    """Whether one of the (x, y) points lies outside the Web Mercator map."""
    return any(abs(x) > MERCATOR_HALF or abs(y) > MERCATOR_HALF
               for x, y in points)
