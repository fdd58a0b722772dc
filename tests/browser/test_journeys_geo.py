"""District boundaries in the web client (issue 10, A1 section 2,
addons/uchaske_geo), by clicking as the demo users (see journey.py): the
inspector opens the map of districts, then the passport of his district,
draws its boundary point by point on the plan tab and saves it; the chief
opens the map of his department's districts and a passport's boundary,
read-only (R2.3). No tile server: the map has a plain background."""
import json
import time

from selenium.webdriver.common.action_chains import ActionChains

import _servers
from uchaske_rules import geo

DISTRICT = "Kabanbay batyr – Syganak"
MENU = {
    "map": "uchaske_geo.uchaske_district_passport_map_menu",
    "passports": "uchaske_base.uchaske_district_passport_menu",
}
#: the map of the form's plan tab, and the one of the map view
FORM_MAP = ".o_uchaske_geo_map .ol-viewport canvas"
VIEW_MAP = ".o_geo_view .ol-viewport canvas"


def _boundary(base_url, login):
    """The boundary of DISTRICT's passport as ``login`` reads it (GeoJSON)."""
    rpc = _servers.Rpc(base_url, _servers.target_db(), login)
    rows = rpc.call("uchaske.district.passport", "search_read",
                    [("district_id.name", "=", DISTRICT)], ["boundary"])
    assert len(rows) == 1, rows
    return json.loads(rows[0]["boundary"]) if rows[0]["boundary"] else None


def _layer_titles(j):
    """The layer switcher's titles (shown on hover)."""
    switcher = j.find(".layer-switcher", what="the layer switcher")
    ActionChains(j.driver).move_to_element(switcher).perform()
    j.wait_idle()
    return j.find(".layer-switcher .panel", what="the layers' panel").text


def test_30_inspector_draws_his_district(journeys):
    j = journeys("30 inspector boundary", "inspector")
    # the demo's rectangle, whatever an earlier run drew
    admin = _servers.Rpc(j.base_url, _servers.target_db(), "admin")
    passport = admin.call("uchaske.district.passport", "search",
                          [("district_id.name", "=", DISTRICT)])
    admin.call("uchaske.district.passport", "write", passport,
               {"boundary": geo.rectangle_wkt(71.40, 51.10, 0.03, 0.02)})
    before = _boundary(j.base_url, "inspector")
    assert before and before["type"] == "Polygon", before
    with j.step("open the map of districts"):
        j.open_menu(MENU["map"])
        j.find(VIEW_MAP, what="the map")
        titles = _layer_titles(j)
        # no WMS configured: no background layer at all, a plain one
        assert "District boundaries" in titles and "Background" not in titles, titles
    with j.step("open the passport of his district"):
        j.open_menu(MENU["passports"])
        j.open_row(DISTRICT)
        j.edit()
    with j.step("the plan tab shows the boundary on a map"):
        j.tab("2. District plan")
        canvas = j.find(FORM_MAP, what="the boundary's map")
        j.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'});", canvas)
    with j.step("draw a new outline: three corners, then back to the first"):
        chain = ActionChains(j.driver)
        for dx, dy in ((-100, -60), (100, -60), (100, 60), (-100, 60)):
            chain.move_to_element_with_offset(canvas, dx, dy)
            chain.pause(0.3).click().pause(0.3)
        chain.move_to_element_with_offset(canvas, -100, -60).pause(0.3).click()
        chain.perform()
        j.wait_idle(settle=1)
    with j.step("save the passport"):
        j.save()
    after = _boundary(j.base_url, "inspector")
    assert after["type"] == "Polygon", after
    assert len(after["coordinates"][0]) == 5, after  # 4 corners, closed
    assert after != before


#: opaque white pixels of the map: the halo around each label's text (the
#: canvas has no background of its own, the polygons' fill is a
#: translucent blue, their outline dark grey): the districts' names
LABEL_PIXELS_JS = """
    var canvas = arguments[0], data = canvas.getContext('2d').getImageData(
        0, 0, canvas.width, canvas.height).data, halo = 0;
    for (var i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 200 && data[i] > 224 && data[i + 1] > 224
                && data[i + 2] > 224) {
            halo += 1;
        }
    }
    return halo;"""


def _label_pixels(j, timeout=10):
    """The map's label pixels once it has drawn them (0 if none)."""
    canvas = j.find(VIEW_MAP, what="the map")
    deadline = time.time() + timeout
    while True:
        halo = j.driver.execute_script(LABEL_PIXELS_JS, canvas)
        if halo or time.time() > deadline:
            return halo
        time.sleep(0.5)


def test_31_chief_reads_the_map(journeys):
    j = journeys("31 chief boundaries", "chief")
    with j.step("the map of his department's districts, each named"):
        j.open_menu(MENU["map"])
        j.find(VIEW_MAP, what="the map")
        # base_geoengine 11.0 drew every label empty (uchaske_geo.js)
        assert _label_pixels(j) > 200, "no district's name on the map"
    with j.step("a passport's boundary, read-only"):
        j.open_menu(MENU["passports"])
        j.open_row(DISTRICT)
        j.tab("2. District plan")
        j.find(FORM_MAP, what="the boundary's map")
        assert not j.exists(".o_uchaske_geo_map .ol-clear button:not([disabled])")
    assert _boundary(j.base_url, "chief")["type"] == "Polygon"
