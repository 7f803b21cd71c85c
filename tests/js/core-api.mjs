// The JavaScript API of fieldbase-core (feature `js`), used from Node the way a mobile
// shell or a plain web page would: two replicas add clients in several scripts, a bad
// e-mail is refused with a translatable error, search finds a Cyrillic name by a Latin-
// less prefix, the replicas exchange saved documents and converge, Today lists a task.
// FB_JS_API: the directory scripts/build-js-api.sh wrote. Prints one JSON verdict line.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const dir = process.env.FB_JS_API;
const { ClientBase } = require(`${dir}/fieldbase_core.js`);

const newId = () => ClientBase.documentId(randomBytes(16));
const index = newId();
const anna = new ClientBase(index, randomBytes(16).toString('hex'));
const boris = new ClientBase(index, randomBytes(16).toString('hex'));
const at = (who, ms) => ({ who, at: ms });

const fedorov = newId();
const edit = anna.addClient(fedorov, { name: 'Фёдоров и партнёры', phone: '+7 495 123 45 67' }, at('anna/node', 1000));
assert.deepEqual(edit.touched.sort(), [fedorov, index].sort());
const kim = newId();
boris.addClient(kim, { name: '김씨네 가게', email: 'kim@gage.kr', status: 'active' }, at('boris/node', 2000));

let refused = null;
try {
  anna.addClient(newId(), { name: 'Bad', email: 'no-at-sign' }, at('anna/node', 3000));
} catch (e) {
  refused = e;
}
assert.ok(refused, 'a bad e-mail is refused');
assert.equal(refused.field, 'email');
assert.equal(refused.problem, 'email-no-at');
assert.equal(anna.clients().length, 1, 'nothing was written');

anna.addContact(fedorov, 'c1', { name: 'Ирина Петрова', phones: ['+7 916 000 11 22'], birthday: '11-26' }, at('anna/node', 4000));
anna.addTask(fedorov, 't1', { kind: 'call', due: '2026-11-24', assignee: 'anna' }, at('anna/node', 5000));
anna.logInteraction(fedorov, 'i1', { kind: 'call', at: 6000, timeZone: 'Europe/Moscow', outcome: 'reached', who: 'anna' }, at('anna/node', 6000));

const hits = anna.search('фед', 10);
assert.equal(hits.length, 1);
assert.equal(hits[0][0], fedorov);
assert.equal(anna.search('ирин', 10).length, 1, 'contacts are searched');
assert.equal(anna.search('9160001', 10).length, 1, 'phone digits match anywhere');

// Exchange every document both ways, as saved bytes.
for (const [from, to] of [[anna, boris], [boris, anna]]) {
  for (const id of from.docIds()) to.load(id, from.save(id));
}
const names = (b) => b.clients().map((c) => c.name);
assert.deepEqual(names(anna), names(boris), 'the replicas converge');
assert.equal(anna.clients().length, 2);
assert.equal(boris.contacts(fedorov)[0].phones[0], '+79160001122', 'phones are E.164');

// Concurrent edits of different fields both land.
anna.editClient(kim, { phone: '+82 2 1234 5678' }, at('anna/node', 7000));
boris.editClient(kim, { status: 'key' }, at('boris/node', 7000));
for (const [from, to] of [[anna, boris], [boris, anna]]) {
  for (const id of from.docIds()) to.load(id, from.save(id));
}
const k = anna.clients().find((c) => c.id === kim);
assert.equal(k.phone, '+82212345678');
assert.equal(k.status, 'key');

const today = boris.today('anna', '2026-11-24');
assert.equal(today.dueToday.length, 1);
assert.equal(today.birthdays.length, 1, 'Ирина turns a year older on the 26th');

console.log(JSON.stringify({ ok: true, clients: anna.clients().length, hits: hits.length }));
