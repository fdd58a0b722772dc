odoo.define('uchaske_registry.list_export', function (require) {
"use strict";

/**
 * R15: only the responsible inspector and the district chief export the
 * register. The server refuses everybody else (with a clear message); the
 * list view does not offer them the "Export" entry of its Action menu.
 * The server tells which models the user may not export in the session
 * info (``uchaske_export_denied_models``, see models/ir_http.py).
 */
var core = require('web.core');
var ListController = require('web.ListController');
var session = require('web.session');

var _t = core._t;

ListController.include({
    /**
     * @override
     */
    renderSidebar: function () {
        var hadSidebar = !!this.sidebar;
        var result = this._super.apply(this, arguments);
        var denied = session.uchaske_export_denied_models || [];
        if (!hadSidebar && this.sidebar && _.contains(denied, this.modelName)) {
            var exportLabel = _t("Export");
            this.sidebar.items.other = _.reject(this.sidebar.items.other, function (item) {
                return !item.action && item.label === exportLabel;
            });
            this.sidebar._redraw();
        }
        return result;
    },
});

});
