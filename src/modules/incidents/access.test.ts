import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createTestDb, type TestDb } from '../../../test/support/db.js';
import { permissionsOf, roles } from '../accounts/index.js';
import { canRead, isRestricted, readableIncidentsFilter, type Actor } from './access.js';
import { tlpLevels } from './incident.schema.js';

const actorArb = fc.record({
  userId: fc.constantFrom('u1', 'u2', 'u3'),
  role: fc.constantFrom(...roles),
});
const asActor = (a: { userId: string; role: (typeof roles)[number] }): Actor => ({
  userId: a.userId,
  label: a.userId,
  permissions: permissionsOf(a.role),
});

describe('TLP read rule', () => {
  it('no user outside the access list ever reads a RED or AMBER+STRICT incident, whatever the role', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom('red', 'amber+strict'), (a, tlp) => {
        assert.equal(canRead(asActor(a), { tlp }, false), false);
      }),
    );
  });

  it('someone without incidents.read reads nothing, listed or not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...tlpLevels), fc.boolean(), (tlp, listed) => {
        assert.equal(
          canRead(
            { userId: 'c', label: 'c', permissions: permissionsOf('coordinator') },
            { tlp },
            listed,
          ),
          false,
        );
      }),
    );
  });

  it('a reader reads every unrestricted incident, and a restricted one exactly when listed', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...tlpLevels), fc.boolean(), (a, tlp, listed) => {
        const actor = asActor(a);
        if (!actor.permissions.has('incidents.read')) return;
        assert.equal(canRead(actor, { tlp }, listed), !isRestricted(tlp) || listed);
      }),
    );
  });

  describe('the SQL filter agrees with canRead', () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb();
      const now = '2026-01-01T00:00:00.000Z';
      for (const id of ['u1', 'u2', 'u3'])
        await t.db.kysely
          .insertInto('users')
          .values({
            id,
            email: `${id}@example.org`,
            display_name: id,
            role: 'analyst',
            password_hash: 'x',
            locale: 'en',
            disabled: 0,
            must_change_password: 0,
            failed_logins: 0,
            locked_until: null,
            created_at: now,
            updated_at: now,
            last_login_at: null,
          })
          .execute();
    });
    after(() => t.cleanup());

    it('for random incidents and access lists', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              tlp: fc.constantFrom(...tlpLevels),
              listed: fc.subarray(['u1', 'u2', 'u3']),
            }),
            { minLength: 1, maxLength: 8 },
          ),
          fc.constantFrom('u1', 'u2', 'u3'),
          async (incidents, userId) => {
            const db = t.db.kysely;
            await db.deleteFrom('incident_access').execute();
            await db.deleteFrom('incidents').execute();
            const now = '2026-01-01T00:00:00.000Z';
            const expected: string[] = [];
            for (const [i, inc] of incidents.entries()) {
              const id = `i${i}`;
              await db
                .insertInto('incidents')
                .values({
                  id,
                  reference: `CIRT-2026-${i}`,
                  title: 't',
                  description: '',
                  status: 'new',
                  rsit_class: null,
                  rsit_type: null,
                  tlp: inc.tlp,
                  pap: 'amber',
                  severity: null,
                  impact: null,
                  sector: null,
                  assignee_id: null,
                  queue: null,
                  source: 'ui',
                  reporter_name: null,
                  reporter_email: null,
                  reporter_org: null,
                  occurred_at: null,
                  created_at: now,
                  created_by: null,
                  updated_at: now,
                  acknowledged_at: null,
                  resolved_at: null,
                  closed_at: null,
                  ack_due_at: null,
                  resolve_due_at: null,
                  merged_into_id: null,
                  revision: 1,
                })
                .execute();
              for (const u of inc.listed)
                await db
                  .insertInto('incident_access')
                  .values({ incident_id: id, user_id: u, granted_at: now, granted_by: u })
                  .execute();
              const actor: Actor = { userId, label: userId, permissions: permissionsOf('analyst') };
              if (canRead(actor, inc, inc.listed.includes(userId))) expected.push(id);
            }
            const rows = await db
              .selectFrom('incidents')
              .select('id')
              .where((eb) => readableIncidentsFilter(eb, userId))
              .orderBy('id')
              .execute();
            assert.deepEqual(
              rows.map((r) => r.id),
              expected.sort(),
            );
          },
        ),
        { numRuns: 40 },
      );
    });
  });
});
