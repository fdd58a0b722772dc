/* Copyright 2026 Uchaske contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
odoo.define('uchaske_base.web_client', function (require) {
"use strict";

var core = require('web.core');
var CrashManager = require('web.CrashManager');
var FormController = require('web.FormController');
var WebClient = require('web.WebClient');

var _t = core._t;
var _lt = core._lt;

/* Odoo 11 titles every refusal the server raises on purpose (UserError,
 * ValidationError, AccessError...) "Odoo Server Error", the text of the
 * JSON-RPC error, and adds the kind as a subtitle. An officer told that a
 * field is missing is warned, not shown a crash: the dialog is titled
 * "Warning" in the user's language and says what kind of refusal it is. */
var WARNING_SUBTITLES = {
    user_error: null,
    warning: null,
    access_error: _lt("Access Error"),
    missing_error: _lt("Missing Record"),
    validation_error: _lt("Validation Error"),
    access_denied: _lt("Access Denied"),
    except_orm: null,
};

CrashManager.include({
    show_warning: function (error) {
        var data = error.data || {};
        var type = data.exception_type;
        if (!error.type && _.has(WARNING_SUBTITLES, type)) {
            var subtitle = WARNING_SUBTITLES[type];
            if (type === 'except_orm') {
                subtitle = data.title ? data.title.replace(/^ - /, '') : null;
            }
            error = _.extend({}, error, {
                type: _t("Warning"),
                data: _.extend({}, data, {
                    title: subtitle ? String(subtitle) : '',
                }),
            });
        }
        return this._super(error);
    },
    show_error: function (error) {
        if (!error.type && error.message === "Odoo Server Error") {
            error = _.extend({}, error, {type: _t("Odoo Server Error")});
        }
        return this._super(error);
    },
});

/* The browser tab says which system this is. */
WebClient.include({
    init: function () {
        this._super.apply(this, arguments);
        this.set('title_part', {"zopenerp": "Uchaske"});
    },
});

/* A record the user may not edit offers no Edit button: a workflow record
 * in a state whose policy refuses him (a confirmed act, a closed case: the
 * server field wf_locked; its fields are read-only as well, see
 * uchaske.workflow.ui._wf_lock_fields), or one the record rules let him
 * only read (a supervisor reading a passport, R2.3: scope_read_only). */
FormController.include({
    _updateButtons: function () {
        this._super.apply(this, arguments);
        if (!this.$buttons || !this.handle) {
            return;
        }
        var record = this.model.get(this.handle, {raw: true});
        var data = (record && record.data) || {};
        var locked = !!(data.wf_locked || data.scope_read_only);
        this.$buttons.find('.o_form_button_edit').toggleClass('o_hidden', locked);
    },
});

});
