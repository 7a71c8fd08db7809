/*
 * Subscription types (payment.manage): the list, with each type's
 * subscribers; adding and changing one (name, kind, period, amount,
 * retired or not) and its name in another language are the whole
 * timebank's business (site scope: a community-scoped coordinator sees
 * the list only).  A retired type is offered to nobody new and keeps its
 * subscribers.  The amount is in the site's currency.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "form.h"
#include "i18n_conv.h"
#include "payments.h"
#include "util.h"

enum { T_NAME, T_KIND, T_N, T_UNIT, T_AMOUNT, T_ACTIVE, T__MAX };
static const struct form_field pay_type_fields[T__MAX] = {
	[T_NAME] = { "name", FORM_TEXT, 1, 1, 128 },
	[T_KIND] = { "kind", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(pay_kind_names) },
	[T_N] = { "period_n", FORM_INT, 1, 1, 120 },
	[T_UNIT] = { "period_unit", FORM_CHOICE, 1, 0, 0,
	    FORM_CHOICES(pay_unit_names) },
	[T_AMOUNT] = { "amount", FORM_MONEY, 1, 0, 0,
	    .refusal = N_("payments.pay.error.amount") },
	[T_ACTIVE] = { "active", FORM_BOOL, 0, 0, 0 },
};

enum { N_LANG, N_NAME, N__MAX };
static const struct form_field pay_name_fields[N__MAX] = {
	[N_LANG] = { "lang", FORM_LANG, 1, 0, 0 },
	[N_NAME] = { "name", FORM_TEXT, 0, 0, 128 },
};

static const char *const pay_unit_keys[PAY_UNIT__MAX] = {
	N_("payments.unit.month"), N_("payments.unit.year"),
};

static void
pay_options(struct request *req, struct tmpl_dict *d, const char *section,
    const char *const *names, const char *const *keys, size_t n,
    const char *selected)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		form_option(d, section, names[i], app_text(req, keys[i]),
		    selected != NULL && strcmp(names[i], selected) == 0);
}

static const char pay_sql_types[] =
    "SELECT t.id, t.name, t.kind, t.period_n, t.period_unit, t.minor,"
    " t.currency, t.active, (SELECT COUNT(*) FROM subscriptions s"
    " WHERE s.type_id = t.id AND s.active = 1)"
    " FROM subscription_types t ORDER BY t.active DESC, t.name";

static int
pay_types_render(struct request *req, struct tmpl_dict *d,
    struct tmpl_dict *add, int status)
{
	struct tmpl_dict	*x, *f;
	struct db_rows		*r;
	const char		*lang = app_lang(req);
	char			 amount[MONEY_NUM_LEN];
	int			 site = pay_site(req);
	enum weft_err		 e;

	if ((e = db_query(&r, pay_sql_types, "")) != WEFT_OK)
		return app_status_of(e);
	if (db_nrows(r) == 0)
		tmpl_show(d, "NO_TYPES");
	while (db_next(r)) {
		x = tmpl_section(d, "TYPE");
		tmpl_set_int(x, "ID", db_int(r, 0));
		tmpl_set(x, "NAME", db_str(r, 1));
		tmpl_set(x, "KIND", app_text(req, pay_kind_keys[util_lookup(
		    pay_kind_names, PAY_KIND__MAX, db_str(r, 2)) < 0 ? 0 :
		    util_lookup(pay_kind_names, PAY_KIND__MAX, db_str(r, 2))]));
		tmpl_set_int(x, "PERIOD_N", db_int(r, 3));
		tmpl_set(x, "PERIOD_UNIT", app_text(req, pay_unit_keys[
		    strcmp(db_str(r, 4), "year") == 0]));
		money_set(x, "AMOUNT", lang, db_int(r, 5), db_str(r, 6));
		tmpl_set_int(x, "SUBSCRIBERS", db_int(r, 8));
		if (!db_int(r, 7))
			tmpl_show(x, "RETIRED");
		if (!site)
			continue;
		f = tmpl_section(x, "EDIT");
		tmpl_set_int(f, "ID", db_int(r, 0));
		tmpl_set(f, "NAME", db_str(r, 1));
		tmpl_set_int(f, "PERIOD_N", db_int(r, 3));
		money_fmt(db_int(r, 5), money_exponent(db_str(r, 6)),
		    i18n_decimal(lang), amount);
		tmpl_set(f, "AMOUNT", amount);
		if (db_int(r, 7))
			tmpl_show(f, "ACTIVE_CHECKED");
		pay_options(req, f, "KIND_OPTION", pay_kind_names,
		    pay_kind_keys, PAY_KIND__MAX, db_str(r, 2));
		pay_options(req, f, "UNIT_OPTION", pay_unit_names,
		    pay_unit_keys, PAY_UNIT__MAX, db_str(r, 4));
		form_lang_options(f, "", "");
	}
	db_rows_free(r);
	tmpl_set(d, "CURRENCY", money_site_currency());
	if (add != NULL) {
		pay_options(req, add, "KIND_OPTION", pay_kind_names,
		    pay_kind_keys, PAY_KIND__MAX,
		    http_kv_get(&req->form, "kind"));
		pay_options(req, add, "UNIT_OPTION", pay_unit_names,
		    pay_unit_keys, PAY_UNIT__MAX,
		    http_kv_get(&req->form, "period_unit"));
	}
	return app_render(req, status);
}

/* The page, and its form to add a type (*add NULL: the actor may not). */
static struct tmpl_dict *
pay_types_page(struct request *req, struct tmpl_dict **add)
{
	struct tmpl_dict	*d;

	*add = NULL;
	if ((d = app_page(req, "payments/types.tpl",
	    app_text(req, N_("payments.types.title")))) == NULL)
		return NULL;
	if (pay_site(req))
		*add = tmpl_section(d, "ADD");
	return d;
}

/* GET /payments/types */
int
pay_types(struct request *req)
{
	struct tmpl_dict	*d, *add;

	if ((d = pay_types_page(req, &add)) == NULL)
		return 500;
	if (add != NULL) {
		tmpl_set(add, "PERIOD_N", "1");
		tmpl_show(add, "ACTIVE_CHECKED");
	}
	return pay_types_render(req, d, add, 200);
}

static void
pay_type_json(struct buf *b, const struct form_value *v)
{
	buf_puts(b, "{\"name\":");
	buf_json_str(b, v[T_NAME].str);
	buf_printf(b, ",\"kind\":\"%s\",\"period\":\"%lld %s\",\"minor\":%lld,"
	    "\"currency\":\"%s\",\"active\":%s}",
	    pay_kind_names[v[T_KIND].choice], v[T_N].n,
	    pay_unit_names[v[T_UNIT].choice], v[T_AMOUNT].money,
	    money_site_currency(), v[T_ACTIVE].on ? "true" : "false");
}

/* Type id's row locked, as JSON into before, and changed to v. */
static enum weft_err
pay_type_update(long long id, const struct form_value *v, struct buf *before)
{
	struct db_rows	*r;
	enum weft_err	 e;

	if ((e = db_query(&r, "SELECT name, kind, period_n, period_unit,"
	    " minor, currency, active FROM subscription_types WHERE id = ?"
	    " FOR UPDATE", "i", id)) != WEFT_OK)
		return e;
	if (!db_next(r)) {
		db_rows_free(r);
		return WEFT_ERR_NOTFOUND;
	}
	buf_puts(before, "{\"name\":");
	buf_json_str(before, db_str(r, 0));
	buf_printf(before, ",\"kind\":\"%s\",\"period\":\"%lld %s\","
	    "\"minor\":%lld,\"currency\":\"%s\",\"active\":%s}",
	    db_str(r, 1), db_int(r, 2), db_str(r, 3), db_int(r, 4),
	    db_str(r, 5), db_int(r, 6) ? "true" : "false");
	db_rows_free(r);
	return db_exec("UPDATE subscription_types SET name = ?, kind = ?,"
	    " period_n = ?, period_unit = ?, minor = ?, currency = ?,"
	    " active = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	    "ssisisii", v[T_NAME].str, v[T_KIND].str, v[T_N].n,
	    v[T_UNIT].str, v[T_AMOUNT].money, money_site_currency(),
	    (long long)v[T_ACTIVE].on, id);
}

/* The form of add (id 0) or save (id): read, written, audited. */
static int
pay_type_write(struct request *req, long long id)
{
	struct form_value	 v[T__MAX];
	struct tmpl_dict	*d, *add;
	struct buf		 before, after;
	enum weft_err		 e;

	if ((d = pay_types_page(req, &add)) == NULL)
		return 500;
	if (form_read(pay_type_fields, T__MAX, &req->form, app_lang(req),
	    id == 0 ? add : NULL, v) > 0) {
		if (id != 0)
			form_error(d, "type", app_text(req,
			    N_("payments.types.error.edit")));
		return pay_types_render(req, d, add, 422);
	}
	buf_init(&before);
	buf_init(&after);
	pay_type_json(&after, v);
	if ((e = db_begin()) == WEFT_OK)
		e = id != 0 ? pay_type_update(id, v, &before) : db_exec(
		    "INSERT INTO subscription_types (name, kind, period_n,"
		    " period_unit, minor, currency, active)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?)", "ssisisi", v[T_NAME].str,
		    v[T_KIND].str, v[T_N].n, v[T_UNIT].str, v[T_AMOUNT].money,
		    money_site_currency(), (long long)v[T_ACTIVE].on);
	if (e == WEFT_OK && id == 0)
		id = db_insert_id();
	if (e == WEFT_OK && (buf_failed(&before) || buf_failed(&after)))
		e = WEFT_ERR_NOMEM;
	if (e == WEFT_OK && (e = audit_write(&req->actor,
	    "subscription_type.save", "subscription_type", id, 0,
	    before.len ? before.p : NULL, after.p)) == WEFT_OK)
		e = db_commit();
	db_rollback();
	buf_free(&before);
	buf_free(&after);
	if (e == WEFT_ERR_DUPLICATE) {
		form_error(add != NULL && id == 0 ? add : d, id == 0 ? "name" :
		    "type", app_text(req, N_("payments.types.error.exists")));
		return pay_types_render(req, d, add, 422);
	}
	if (e != WEFT_OK)
		return e == WEFT_ERR_NOTFOUND ? 404 : app_status_of(e);
	return app_redirect(req, "/payments/types",
	    N_("payments.types.flash.saved"));
}

/* POST /payments/types */
int
pay_type_add(struct request *req)
{
	if (!pay_site(req))
		return 403;
	return pay_type_write(req, 0);
}

/* Is there a type id?  1 yes, 0 no, -1 on an error (*e). */
static int
pay_type_exists(long long id, enum weft_err *e)
{
	long long	 n = 0;

	if (id <= 0)
		return 0;
	if ((*e = db_query_int(&n, "SELECT COUNT(*) FROM subscription_types"
	    " WHERE id = ?", "i", id)) != WEFT_OK)
		return -1;
	return n > 0;
}

/* The type of the path that the actor may change (site scope): 0 with
 * *id, or the status to answer. */
static int
pay_type_target(struct request *req, long long *id)
{
	enum weft_err	 e = WEFT_OK;
	int		 x;

	*id = app_param_id(req, 0);
	if (!pay_site(req))
		return 403;
	if ((x = pay_type_exists(*id, &e)) <= 0)
		return x < 0 ? app_status_of(e) : 404;
	return 0;
}

/* POST /payments/types/:id */
int
pay_type_save(struct request *req)
{
	long long	 id;
	int		 st;

	if ((st = pay_type_target(req, &id)) != 0)
		return st;
	return pay_type_write(req, id);
}

/* POST /payments/types/:id/names: the type's name in lang ("" removes
 * it: the English is shown). */
int
pay_type_name(struct request *req)
{
	struct form_value	 v[N__MAX];
	struct buf		 after;
	long long		 id;
	int			 st;
	enum weft_err		 e;

	if ((st = pay_type_target(req, &id)) != 0)
		return st;
	if (form_read(pay_name_fields, N__MAX, &req->form, app_lang(req),
	    NULL, v) > 0 || strcmp(v[N_LANG].str, "en") == 0)
		return 422;
	buf_init(&after);
	buf_printf(&after, "{\"lang\":\"%s\",\"name\":", v[N_LANG].str);
	buf_json_str(&after, v[N_NAME].str);
	buf_puts(&after, "}");
	if ((e = db_begin()) != WEFT_OK ||
	    (e = v[N_NAME].set ? db_exec("INSERT INTO subscription_type_names"
	    " (type_id, lang, name) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE"
	    " name = VALUES(name)", "iss", id, v[N_LANG].str, v[N_NAME].str) :
	    db_exec("DELETE FROM subscription_type_names WHERE type_id = ?"
	    " AND lang = ?", "is", id, v[N_LANG].str)) != WEFT_OK ||
	    (e = buf_failed(&after) ? WEFT_ERR_NOMEM : audit_write(
	    &req->actor, "subscription_type.name", "subscription_type", id,
	    0, NULL, after.p)) != WEFT_OK || (e = db_commit()) != WEFT_OK) {
		db_rollback();
		buf_free(&after);
		return app_status_of(e);
	}
	buf_free(&after);
	return app_redirect(req, "/payments/types",
	    N_("payments.types.flash.saved"));
}
