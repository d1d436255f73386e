/**
 * The team profiles this instance received from peers over federation, for the registry's
 * progress report: the latest version of each, when TLP lets it go to the community (CLEAR or
 * GREEN: the report is shared), with the peer it came from.
 */
import type { Db } from '../../../storage/index.js';
import type { SelfReport } from '../../registry/index.js';
import { redact } from '../policy/index.js';
import { defaultTlp } from '../settings.js';
import type { StixObject } from '../stix/schemas.js';
import { provenanceOf } from '../store.js';
import { versionOfKey } from '../taxii/version.js';
import { profileOf, teamProfileExtensionId } from './profile.js';

export async function receivedProfiles(db: Db): Promise<SelfReport[]> {
  const rows = await db.kysely
    .selectFrom('stix_objects')
    .select(['id', 'modified', 'tlp', 'object'])
    .where('type', '=', 'identity')
    .where('object', 'like', `%${teamProfileExtensionId}%`)
    .orderBy('id')
    .orderBy('modified', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.id)) latest.set(row.id, row);
  const fallback = await defaultTlp(db);
  // The community, not a named organisation: what a report shared with ITU members may carry.
  const community = { kind: 'sharing-group' as const, community: true };
  const out: SelfReport[] = [];
  for (const row of latest.values()) {
    if (row.tlp !== 'clear' && row.tlp !== 'green') continue;
    const shown = redact(JSON.parse(row.object) as StixObject, community, { defaultTlp: fallback });
    if (!shown.disclosed) continue;
    const profile = profileOf(shown.object);
    if (!profile) continue;
    const version = versionOfKey(row.modified);
    const received = (await provenanceOf(db, row.id)).filter(
      (p) => p.version === version && p.source !== 'local',
    );
    const last = received.at(-1);
    if (!last) continue;
    out.push({
      iso3: profile.country,
      team: (shown.object as { name?: string }).name ?? row.id,
      teamType: profile.team_type,
      status: profile.status,
      maturity: profile.maturity
        ? { tier: profile.maturity.tier, assessedOn: profile.maturity.assessed_on }
        : null,
      receivedFrom: last.peerName ?? last.peerId ?? last.source,
      receivedAt: last.receivedAt,
      tlp: row.tlp,
    });
  }
  return out;
}
