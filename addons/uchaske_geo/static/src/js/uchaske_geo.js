/* Uchaske: the map's background (issue 10, A1 section 2). The machines
 * reach no tile server: base_geoengine's OpenStreetMap layer is not used.
 * The raster layer of type "d_wms" carries the WMS of the system parameters
 * (uchaske_geo.wms_url, uchaske_geo.wms_layers, filled by the server); with
 * no URL the polygons are drawn on a plain background. */
odoo.define('uchaske_geo.background', function (require) {
    "use strict";

    var BackgroundLayers = require('base_geoengine.BackgroundLayers');

    BackgroundLayers.include({
        handleCustomLayers: function (layer) {
            if (layer.raster_type === 'd_wms' && layer.url) {
                var params = layer.params ? JSON.parse(layer.params) : {};
                params.TILED = true;
                return [new ol.layer.Tile({
                    title: layer.name,
                    visible: !layer.overlay,
                    type: 'base',
                    source: new ol.source.TileWMS({
                        url: layer.url,
                        params: params,
                    }),
                })];
            }
            return this._super.apply(this, arguments);
        },
    });
});

/* The districts' names on the map (A1 section 2). base_geoengine 11.0 takes
 * a polygon's label from the record datapoint itself instead of its values
 * (``item[field]`` where the values are ``item.data[field]``): every label
 * came out empty. Its features keep a copy of the values in their
 * ``attributes``, and its style reads ``attributes.label`` when the map is
 * drawn: set the label from there once the layer is made. */
odoo.define('uchaske_geo.labels', function (require) {
    "use strict";

    var GeoengineRenderer = require('base_geoengine.GeoengineRenderer');

    /* the text of a value: a name, a many2one's display name, or nothing */
    function labelText(value) {
        if (value === false || value === undefined || value === null) {
            return '';
        }
        if (_.isArray(value)) {
            return String(value[1] || '');
        }
        if (_.isObject(value)) {
            return String((value.data && value.data.display_name) || '');
        }
        return String(value);
    }

    GeoengineRenderer.include({
        _createVectorLayer: function (cfg) {
            var layer = this._super.apply(this, arguments);
            if (cfg.display_polygon_labels && cfg.attribute_field_id) {
                var name = cfg.attribute_field_id[1];
                _.each(layer.getSource().getFeatures(), function (feature) {
                    var attributes = feature.get('attributes');
                    attributes.label = labelText(attributes[name]);
                });
            }
            return layer;
        },
    });

    return {labelText: labelText};
});
