// The renewal reminders as weft-mailer's periodic job (docs/payments.md,
// "Notices"; docs/mail.md, "Periodic jobs"): the test makes the job's row
// of periodic_jobs due, as an hour passing would, and waits for a mailer
// worker to claim and run it.  Run twice, it queues each reminder once;
// a renewal 40 days away is not reminded; with payments off, nothing is.
// Serial: the job is the whole timebank's, and payments are switched off
// for a while.
import test from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib.mjs';
import { setting } from './exchanges-lib.mjs';
import { until } from './mail-lib.mjs';
import { subscriber } from './payments-lib.mjs';

const JOB = 'payments.reminders';
const row = () => sql(`SELECT runs, done_at >= started_at, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), next_at), last_error
    FROM periodic_jobs WHERE name = '${JOB}'`)[0] || null;

// Makes the job due and waits until a worker has run it through: its row
// as the run left it.
async function runJob() {
	const before = row() ? Number(row()[0]) : 0;
	sql(`INSERT INTO periodic_jobs (name, next_at) VALUES ('${JOB}', UTC_TIMESTAMP(6) - INTERVAL 1 SECOND)
	    ON DUPLICATE KEY UPDATE next_at = VALUES(next_at)`);
	const r = await until(() => {
		const x = row();
		return x && Number(x[0]) > before && x[1] === '1' && x;
	}, 30000);
	assert.ok(r, 'a mailer worker ran the job');
	assert.equal(r[3], 'NULL', 'without an error');
	return r;
}

const reminders = (id) => sql(`SELECT subject FROM outbox WHERE member_id = ${Number(id)} AND kind = 'payments.reminder' ORDER BY id`)
	.map((r) => r[0]);
const notices = (id) => sql(`SELECT kind FROM payment_notices WHERE member_id = ${Number(id)} ORDER BY kind`).map((r) => r[0]);

test('the scheduled job queues each reminder once however often it runs, in the member\'s language; 40 days away: none', async () => {
	const before = subscriber({ days: 3 });
	const on = subscriber({ days: 0 });
	const es = subscriber({ days: 2, lang: 'es' });
	const far = subscriber({ days: 40 });
	const waived = subscriber({ days: 1, pref: 'waived' });
	const head = subscriber({ type: 'Household, yearly', days: 4 });
	const kid = subscriber({ type: 'Household, yearly', days: 4, head: head.id });
	const first = await runJob();
	assert.ok(Number(first[2]) > 3500 && Number(first[2]) <= 3600, 'the next run is an hour later');
	await runJob();
	assert.deepEqual(notices(before.id), ['before']);
	assert.deepEqual(notices(on.id), ['on']);
	assert.equal(reminders(before.id).length, 1, 'one reminder N days before, after two runs');
	assert.match(reminders(before.id)[0], /^Your subscription renews on /);
	assert.equal(reminders(on.id).length, 1, 'one reminder on the date, after two runs');
	assert.match(reminders(on.id)[0], /^Your subscription was due on /);
	assert.equal(reminders(es.id).length, 1);
	assert.match(reminders(es.id)[0], /^Tu cuota /, 'in the member\'s language');
	assert.deepEqual(reminders(far.id), [], 'a renewal 40 days away is not reminded');
	assert.deepEqual(reminders(waived.id), [], 'a waived subscription is not reminded');
	assert.equal(reminders(head.id).length, 1, 'the household\'s head is reminded');
	assert.deepEqual(reminders(kid.id), [], 'its member is not');
	// The job's audit rows: by the system, what was queued.
	const a = sql(`SELECT actor_id, after_json FROM audit_log WHERE action = 'payment.reminders'
	    AND after_json LIKE '%"by":"job"%' ORDER BY id DESC LIMIT 1`);
	assert.equal(a.length, 1, 'the run is audited');
	assert.equal(a[0][0], 'NULL', 'by no member');
	assert.match(a[0][1], /"queued":[1-9]/);
	// The renewal date moving on (a period paid) makes the next period's.
	sql(`UPDATE subscriptions SET renewal_date = renewal_date + INTERVAL 1 DAY WHERE member_id = ${before.id}`);
	await runJob();
	assert.equal(reminders(before.id).length, 2, 'a new period, a new reminder');
});

test('payments off: the job queues nothing', async () => {
	const due = subscriber({ days: 3 });
	const old = setting('payments_enabled', 'off');
	try {
		await runJob();
		assert.deepEqual(reminders(due.id), [], 'no reminder while payments are off');
		assert.deepEqual(notices(due.id), []);
	} finally {
		setting('payments_enabled', old === null ? 'on' : old);
	}
	await runJob();
	assert.equal(reminders(due.id).length, 1, 'switched on again, the next run reminds them');
});
