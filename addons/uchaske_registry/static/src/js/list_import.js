odoo.define('uchaske_registry.list_import', function (require) {
"use strict";

/**
 * One import button per list (issue 7). The lists of Appendices 2-4 are
 * loaded with our wizard (R17: headers in three languages, persons found by
 * IIN, a repeated import updates instead of adding rows):
 *
 * - ``<tree import="false">`` hides Odoo's generic "Import" button. Odoo 11's
 *   view schema accepts the attribute but its web client ignores it (Odoo 13
 *   reads it): it is passed on as the ``import_enabled`` parameter that
 *   base_import reads;
 * - an action whose context holds ``uchaske_import_list`` (a2, a3, a4) gets
 *   our button, which opens the wizard in a dialog for that list; closing
 *   the dialog reloads the list (no new breadcrumb).
 */
var core = require('web.core');
var ListController = require('web.ListController');
var ListView = require('web.ListView');

var _t = core._t;

ListView.include({
    /**
     * @override
     */
    init: function (viewInfo, params) {
        var attrs = (viewInfo && viewInfo.arch && viewInfo.arch.attrs) || {};
        if (attrs['import'] === 'false' || attrs['import'] === '0') {
            params.import_enabled = false;
        }
        this._super.apply(this, arguments);
        var context = params.context || {};
        this.controllerParams.uchaskeImportList = context.uchaske_import_list;
    },
});

ListController.include({
    /**
     * @override
     */
    init: function (parent, model, renderer, params) {
        this._super.apply(this, arguments);
        this.uchaskeImportList = params.uchaskeImportList;
    },
    /**
     * @override
     */
    renderButtons: function () {
        this._super.apply(this, arguments);
        if (!this.$buttons || !this.uchaskeImportList) {
            return;
        }
        var self = this;
        $('<button type="button"/>')
            .addClass('btn btn-sm btn-default o_button_uchaske_import')
            .text(_t("Import from a file"))
            .appendTo(this.$buttons)
            .on('click', function () {
                self.do_action('uchaske_registry.uchaske_appendix_import_action', {
                    additional_context: {
                        default_list_type: self.uchaskeImportList,
                        uchaske_import_from_list: true,
                    },
                    on_close: function () {
                        self.reload();
                    },
                });
            });
    },
});

});
