import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../kernel/index.js';
import {
  accessTo,
  bundleObjects,
  createCollection,
  createPeer,
  defaultTlp,
  importObjects,
  listCollections,
  listObjects,
  listPeers,
  peerAccess,
  peerRelationships,
  poll,
  push,
  recipientOfPeer,
  redact,
  type Collection,
  type PollOutcome,
  type Recipient,
  type Tlp,
} from '../../modules/exchange/index.js';
import { listSubscriptions } from '../../modules/exchange/client/index.js';
import type { Db } from '../../storage/index.js';
import { withContext } from '../context.js';
import { print, table } from '../output.js';
import { progressBar } from '../progress.js';

/** A collection named by its id or its alias. */
async function collectionOf(db: Db, name: string): Promise<Collection> {
  const found = (await listCollections(db)).find((c) => c.id === name || c.alias === name);
  if (!found)
    throw new AppError(
      'not_found',
      `No collection with the id or alias ${name} (see: cirtkit exchange collections)`,
    );
  return found;
}

export function exchangeCommands(program: Command): void {
  const exchange = program
    .command('exchange')
    .description('STIX 2.1 objects, TAXII collections and peer CIRTs (see docs/exchange.md)');

  exchange
    .command('collections')
    .description('list the TAXII collections of this instance')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const collections = await listCollections(ctx.db);
        print(options, collections, () =>
          collections.length === 0
            ? 'No collection yet: cirtkit exchange collection-add <title>'
            : table(
                collections.map((c) => ({ id: c.id, alias: c.alias, title: c.title })),
                ['id', 'alias', 'title'],
              ),
        );
      });
    });

  exchange
    .command('collection-add')
    .description('create a TAXII collection')
    .argument('<title>', 'its title')
    .option('--alias <alias>', 'a short name: lower-case letters, digits and dashes')
    .option('--json', 'print as JSON')
    .action(async (title: string, options: { alias?: string; json?: boolean }) => {
      if (options.alias !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(options.alias))
        throw new AppError(
          'validation_failed',
          '--alias must be lower-case letters, digits and dashes',
        );
      await withContext(async (ctx) => {
        if (options.alias && (await listCollections(ctx.db)).some((c) => c.alias === options.alias))
          throw new AppError(
            'conflict',
            `A collection with the alias ${options.alias} exists already`,
          );
        const made = await createCollection(
          ctx.db,
          { title, ...(options.alias ? { alias: options.alias } : {}) },
          ctx.deps.clock,
        );
        print(
          options,
          made,
          () => `Created collection ${made.id}${made.alias ? ` (${made.alias})` : ''}.`,
        );
      });
    });

  exchange
    .command('import')
    .description(
      'import a STIX 2.1 bundle (JSON, read as a stream) into a collection: valid objects are stored, invalid ones listed with the reason; a file that is not JSON changes nothing',
    )
    .argument('<file>', 'a bundle file')
    .requiredOption('--collection <id-or-alias>', 'the collection to import into')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: { collection: string; json?: boolean }) => {
      if (!existsSync(file)) throw new AppError('not_found', `No file ${file}`);
      // A first pass checks the whole file is a bundle before anything is written.
      let total = 0;
      const checking = progressBar('checking ');
      const size = statSync(file).size;
      let read = 0;
      const counted = createReadStream(file);
      counted.on('data', (chunk) => {
        read += chunk.length;
        checking.update(read, size);
      });
      for await (const _ of bundleObjects(counted)) total += 1;
      checking.finish();
      await withContext(async (ctx) => {
        const collection = await collectionOf(ctx.db, options.collection);
        const bar = progressBar('importing');
        const { stored, failures } = await importObjects(
          ctx.db,
          ctx.deps.clock,
          collection.id,
          bundleObjects(createReadStream(file)),
          { source: 'import', collection: collection.id },
          (done) => bar.update(done, total),
        );
        bar.finish();
        const report = { total, stored, refused: failures.length, failures };
        print(options, report, () =>
          [
            `${stored} of ${total} objects stored in ${collection.title}, ${failures.length} refused.`,
            ...failures.slice(0, 200).map((f) => `  ${f.id}: ${f.message ?? ''}`),
            ...(failures.length > 200
              ? [`  … and ${failures.length - 200} more (use --json)`]
              : []),
          ].join('\n'),
        );
        if (failures.length > 0) process.exitCode = 2;
      });
    });

  exchange
    .command('export')
    .description(
      'write a collection as a STIX 2.1 bundle: every version, as the TLP policy lets it leave (TLP:RED never does)',
    )
    .requiredOption('--collection <id-or-alias>', 'the collection to export')
    .option('--peer <id>', 'export exactly what this peer may receive')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: { collection: string; peer?: string; out?: string }) => {
      await withContext(async (ctx) => {
        const collection = await collectionOf(ctx.db, options.collection);
        const tlp = await defaultTlp(ctx.db);
        let recipient: Recipient = { kind: 'user', sameOrganisation: true };
        // For a peer: exactly what its grants and TLP let it read, as over TAXII.
        let levels: ReadonlySet<Tlp> | undefined;
        if (options.peer) {
          const peer = (await listPeers(ctx.db)).find((p) => p.id === options.peer);
          if (!peer) throw new AppError('not_found', `No peer with id ${options.peer}`);
          recipient = recipientOfPeer(peer);
          const caller = {
            kind: 'peer' as const,
            peer,
            recipient,
            grants: await peerAccess(ctx.db, peer.id),
          };
          const access = accessTo(caller, collection.id, tlp);
          if (!access.canRead)
            throw new AppError(
              'forbidden',
              `${peer.name} may not read the collection ${collection.title}: open it to the peer first (a grant)`,
            );
          levels = new Set(access.tlps);
        }
        const objects: unknown[] = [];
        let withheld = 0;
        let next: string | undefined;
        do {
          const page = await listObjects(ctx.db, collection.id, {
            match: { version: ['all'] },
            limit: 1000,
            next,
          });
          for (const stored of page.objects) {
            const shown = redact(stored.object, recipient, { defaultTlp: tlp, levels });
            if (shown.disclosed) objects.push(shown.object);
            else withheld += 1;
          }
          next = page.more ? page.next : undefined;
        } while (next !== undefined);
        const bundle = JSON.stringify(
          { type: 'bundle', id: `bundle--${randomUUID()}`, objects },
          null,
          2,
        );
        if (options.out) writeFileSync(options.out, `${bundle}\n`);
        else process.stdout.write(`${bundle}\n`);
        process.stderr.write(
          `${objects.length} versions exported, ${withheld} kept back by the TLP policy.\n`,
        );
      });
    });

  const peer = exchange.command('peer').description('peer CIRTs this instance exchanges with');
  peer
    .command('add')
    .description('add a peer and print, once, the secret it will use on this TAXII server')
    .requiredOption('--name <name>', 'the peer’s name')
    .requiredOption('--relationship <relationship>', `one of ${peerRelationships.join(', ')}`)
    .option('--country <iso3>', 'its country, ISO 3166-1 alpha-3')
    .option('--url <url>', 'its TAXII API root, to subscribe to its collections and push to them')
    .option('--username <name>', 'the user name this instance has at the peer')
    .option(
      '--secret-env <variable>',
      'an environment variable holding the password or token at the peer (kept off the command line)',
    )
    .option('--json', 'print as JSON')
    .action(
      async (options: {
        name: string;
        relationship: string;
        country?: string;
        url?: string;
        username?: string;
        secretEnv?: string;
        json?: boolean;
      }) => {
        if (!(peerRelationships as readonly string[]).includes(options.relationship))
          throw new AppError(
            'validation_failed',
            `--relationship must be one of ${peerRelationships.join(', ')}`,
          );
        const secret = options.secretEnv ? process.env[options.secretEnv] : undefined;
        if (options.secretEnv && secret === undefined)
          throw new AppError(
            'validation_failed',
            `The environment variable ${options.secretEnv} is not set`,
          );
        await withContext(async (ctx) => {
          const made = await createPeer(ctx.db, ctx.deps.clock, ctx.audit, {
            name: options.name,
            relationship: options.relationship as (typeof peerRelationships)[number],
            ...(options.country ? { country: options.country.toUpperCase() } : {}),
            ...(options.url
              ? {
                  remote: {
                    url: options.url,
                    ...(options.username ? { username: options.username } : {}),
                    ...(secret ? { secret } : {}),
                  },
                }
              : {}),
          });
          print(options, made, () =>
            [
              `Added peer ${made.peer.name} (${made.peer.id}).`,
              `Secret for this instance's TAXII server (shown once; the peer uses it as Basic password or bearer token):`,
              made.secret,
            ].join('\n'),
          );
        });
      },
    );
  peer
    .command('list')
    .description('list the peers')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const peers = await listPeers(ctx.db);
        print(options, peers, () =>
          peers.length === 0
            ? 'No peer yet: cirtkit exchange peer add --name … --relationship …'
            : table(
                peers.map((p) => ({
                  id: p.id,
                  name: p.name,
                  relationship: p.relationship,
                  url: p.remote?.url ?? '',
                })),
                ['id', 'name', 'relationship', 'url'],
              ),
        );
      });
    });

  exchange
    .command('poll')
    .description('poll subscriptions to peers’ collections now (all, or the one given)')
    .argument('[subscription]', 'a subscription id')
    .option('--json', 'print the outcome as JSON')
    .action(async (subscription: string | undefined, options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const subs = (await listSubscriptions(ctx.db)).filter(
          (s) => subscription === undefined || s.id === subscription,
        );
        if (subscription !== undefined && subs.length === 0)
          throw new AppError('not_found', `No subscription with id ${subscription}`);
        const bar = progressBar('polling  ');
        const outcomes: ({ subscription: string } & PollOutcome)[] = [];
        for (const [i, sub] of subs.entries()) {
          outcomes.push({ subscription: sub.id, ...(await poll(ctx.db, ctx.deps.clock, sub.id)) });
          bar.update(i + 1, subs.length);
        }
        bar.finish();
        print(options, outcomes, () =>
          outcomes.length === 0
            ? 'No subscription.'
            : outcomes
                .map((o) =>
                  o.error
                    ? `${o.subscription}: failed: ${o.error}`
                    : `${o.subscription}: ${o.received} received, ${o.refused} refused`,
                )
                .join('\n'),
        );
        if (outcomes.some((o) => o.error)) process.exitCode = 2;
      });
    });

  exchange
    .command('push')
    .description(
      'send objects (their latest versions) to a peer’s writable collection; what TLP keeps back is not sent',
    )
    .argument('<objects...>', 'STIX ids')
    .requiredOption('--peer <id>', 'the peer')
    .requiredOption('--remote-collection <id>', 'the peer’s collection id')
    .requiredOption('--collection <id-or-alias>', 'the local collection holding the objects')
    .option('--json', 'print the outcome as JSON')
    .action(
      async (
        ids: string[],
        options: { peer: string; remoteCollection: string; collection: string; json?: boolean },
      ) => {
        await withContext(async (ctx) => {
          const collection = await collectionOf(ctx.db, options.collection);
          const outcome = await push(
            ctx.db,
            options.peer,
            options.remoteCollection,
            ids.map((objectId) => ({ collectionId: collection.id, objectId })),
          );
          print(options, outcome, () =>
            [
              `${outcome.sent} sent; the peer says: ${JSON.stringify(outcome.status)}`,
              ...outcome.withheld.map((w) => `  kept back ${w.id}: ${w.reason}`),
            ].join('\n'),
          );
        });
      },
    );
}
