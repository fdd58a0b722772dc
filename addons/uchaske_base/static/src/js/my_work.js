/* Copyright 2026 Uchaske contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
odoo.define('uchaske_base.my_work', function (require) {
"use strict";

/* "My work" lists what to do; a click on a row (or a card on a phone) opens
 * the document itself -- the case, the transfer, the list entry -- where the
 * officer acts, instead of the row's own (technical) form. */
var AbstractController = require('web.AbstractController');

var MY_WORK = 'uchaske.work.item';

AbstractController.include({
    _onOpenRecord: function (event) {
        if (this.modelName !== MY_WORK) {
            return this._super.apply(this, arguments);
        }
        event.stopPropagation();
        var self = this;
        var record = this.model.get(event.data.id, {raw: true});
        return this._rpc({
            model: MY_WORK,
            method: 'action_open_record',
            args: [[record.res_id]],
        }).then(function (action) {
            return self.do_action(action);
        });
    },
});

});
