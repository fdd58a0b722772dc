"""A1 section 2: the coordinates of district boundaries (uchaske_rules.geo)."""
import pytest

from uchaske_rules import geo


def test_a1_mercator_of_astana():
    # Astana, 71.43 E 51.13 N: about 7.95e6 m east, 6.64e6 m north
    x, y = geo.lonlat_to_mercator(71.43, 51.13)
    assert round(x) == 7951551
    assert 6.64e6 < y < 6.65e6
    assert geo.lonlat_to_mercator(0, 0) == (0.0, pytest.approx(0.0, abs=1e-6))


def test_a1_rectangle_is_a_closed_polygon():
    wkt = geo.rectangle_wkt(71.4, 51.1, 0.03, 0.02)
    assert wkt.startswith("POLYGON ((")
    points = wkt[len("POLYGON (("):-2].split(", ")
    assert len(points) == 5 and points[0] == points[-1]


def test_a1_outside_the_map_refused():
    with pytest.raises(ValueError):
        geo.lonlat_to_mercator(200, 10)
    with pytest.raises(ValueError):
        geo.lonlat_to_mercator(10, 89)
    assert geo.outside_map([(0, 0), (3e7, 0)])
    assert not geo.outside_map([(7.9e6, 6.6e6)])
