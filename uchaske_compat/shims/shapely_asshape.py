"""Shapely 2.0 removed ``shapely.geometry.asShape``.

OCA ``base_geoengine`` 11.0 (``geo_helper/geo_convertion_helper.py``) does
``from shapely.geometry import asShape`` inside a ``try``: without it the
import fails half-way, ``wkt``/``geojson`` stay undefined and every write of
a geo field in GeoJSON (what the web client sends) ends in a ``NameError``.
Shapely 1.x's ``asShape`` was the lazy "adapter" twin of ``shape``; 2.0
dropped the adapters and kept ``shape`` (a geometry built from a
GeoJSON-like mapping), which is what the helper needs. The shim restores
the name as ``shape``; it does nothing where Shapely is not installed.
"""


def apply():
    try:
        import shapely.geometry as geometry
    except ImportError:  # the geo addon is optional (addons/uchaske_geo)
        return
    if not hasattr(geometry, "asShape"):
        geometry.asShape = geometry.shape
