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
