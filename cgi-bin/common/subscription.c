/*
 * Subscriptions as other areas read them (subscription.h).
 */
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "settings.h"
#include "subscription.h"
#include "util.h"

const char *const sub_status_names[SUB_STATUS__MAX] = {
	"current", "due", "overdue", "lapsed", "inactive", "none",
};
const char *const sub_status_keys[SUB_STATUS__MAX] = {
	N_("subscription.status.current"), N_("subscription.status.due"),
	N_("subscription.status.overdue"), N_("subscription.status.lapsed"),
	N_("subscription.status.inactive"), N_("subscription.status.none"),
};

void
sub_days(long long *reminder, long long *grace)
{
	*reminder = settings_int(SETTING_PAYMENT_REMINDER_DAYS);
	*grace = settings_int(SETTING_PAYMENT_GRACE_DAYS);
}

enum sub_status
sub_status_parse(const char *s)
{
	int	 i = util_lookup(sub_status_names, SUB_STATUS__MAX, s);

	return i < 0 ? SUB_NONE : (enum sub_status)i;
}

/* SUB_COLUMNS_MAX ids, the unused ones 0 (no member has id 0). */
static const char sub_sql_columns[] =
    "SELECT s.member_id, IF(s.head_id IS NULL, " SUB_STATUS_SQL("s") ","
    " IF(h.member_id IS NULL, 'none', " SUB_STATUS_SQL("h") ")),"
    " IF(s.head_id IS NULL, s.renewal_date, COALESCE(h.renewal_date, ''))"
    " FROM subscriptions s LEFT JOIN subscriptions h ON h.member_id = s.head_id"
    " WHERE s.member_id IN ("
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?)";

enum weft_err
sub_columns(const long long *ids, size_t n, struct sub_column *out)
{
	struct db_rows	*r;
	long long	 id[SUB_COLUMNS_MAX], nd, g;
	size_t		 i;
	enum weft_err	 e;

	if (n > SUB_COLUMNS_MAX)
		return WEFT_ERR_INVALID;
	for (i = 0; i < n; i++) {
		out[i].status = SUB_NONE;
		out[i].renewal[0] = '\0';
	}
	if (n == 0)
		return WEFT_OK;
	memset(id, 0, sizeof(id));
	memcpy(id, ids, n * sizeof(ids[0]));
	sub_days(&nd, &g);
	if ((e = db_query(&r, sub_sql_columns,
	    "iiii" "iiiiiiiiii" "iiiiiiiiii" "iiiiiiiiii" "iiiiiiiiii"
	    "iiiiiiiiii", nd, g, nd, g,
	    id[0], id[1], id[2], id[3], id[4], id[5], id[6], id[7], id[8],
	    id[9], id[10], id[11], id[12], id[13], id[14], id[15], id[16],
	    id[17], id[18], id[19], id[20], id[21], id[22], id[23], id[24],
	    id[25], id[26], id[27], id[28], id[29], id[30], id[31], id[32],
	    id[33], id[34], id[35], id[36], id[37], id[38], id[39], id[40],
	    id[41], id[42], id[43], id[44], id[45], id[46], id[47], id[48],
	    id[49])) != WEFT_OK)
		return e;
	while (db_next(r))
		for (i = 0; i < n; i++)
			if (ids[i] == db_int(r, 0)) {
				out[i].status = sub_status_parse(db_str(r, 1));
				util_copy(out[i].renewal,
				    sizeof(out[i].renewal), db_str(r, 2));
			}
	db_rows_free(r);
	return WEFT_OK;
}
