import type { FastifyInstance } from 'fastify';
import { loadConfig, createLogger, type Clock, type Config } from '../../src/kernel/index.js';
import {
  accountsDeps,
  ensureFirstAdmin,
  type AccountsDeps,
} from '../../src/modules/accounts/index.js';
import { loadReferenceData, seedRegistry } from '../../src/modules/registry/index.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDb, type TestDb } from './db.js';
import { HttpClient } from './http.js';

export interface TestServer {
  app: FastifyInstance;
  baseUrl: string;
  testDb: TestDb;
  config: Config;
  deps: AccountsDeps;
  admin: { email: string; password: string };
  /** A client logged in as the first admin, who has already replaced the one-time password. */
  adminClient(): Promise<HttpClient>;
  client(): HttpClient;
  /** Creates a user with this role through the API and returns a client logged in as them. */
  userClient(
    email: string,
    role: string,
  ): Promise<{ client: HttpClient; id: string; password: string }>;
  close(): Promise<void>;
}

export const fixtureRegistryDir = new URL('../../fixtures/registry', import.meta.url).pathname;

export const adminPassword = 'correct horse battery staple';

/** Starts cirtkit on a random loopback port over a fresh database: real HTTP, real database. */
export interface TestServerOptions {
  clock?: Clock;
  /** Registry reference data folder (default: the small fixture in fixtures/registry). */
  registryDir?: string;
  /** Runs before the server listens, e.g. to add a route that only a test needs. */
  beforeListen?: (app: FastifyInstance) => void;
}

export async function startTestServer(
  overrides: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { clock } = options;
  const testDb = await createTestDb();
  const config = loadConfig(
    // No SLA sweep unless a test asks: it would add events to timelines tests compare.
    {
      CIRTKIT_DATA_DIR: testDb.dataDir,
      CIRTKIT_PORT: '0',
      CIRTKIT_SLA_SWEEP_SECONDS: '0',
      ...overrides,
    },
    testDb.dataDir,
  );
  const deps = accountsDeps(config, testDb.db, clock);
  const first = await ensureFirstAdmin(deps, config.adminEmail);
  if (!first) throw new Error('test database was not empty');
  const registryData = loadReferenceData(options.registryDir ?? fixtureRegistryDir);
  await seedRegistry(testDb.db, registryData, deps.clock);
  const app = await buildApp({
    registryData,
    config,
    db: testDb.db,
    logger: createLogger('silent'),
    ...(clock ? { clock } : {}),
  });
  options.beforeListen?.(app);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const admin = { email: first.user.email, password: first.oneTimePassword };
  const server: TestServer = {
    app,
    baseUrl: address,
    testDb,
    config,
    deps,
    admin,
    client: () => new HttpClient(address),
    async adminClient() {
      const client = new HttpClient(address);
      const user = await client.login(admin.email, admin.password);
      if (user.mustChangePassword === true) {
        await client
          .post('/api/auth/password', {
            currentPassword: admin.password,
            newPassword: adminPassword,
          })
          .expect(200);
        admin.password = adminPassword;
      }
      return client;
    },
    async userClient(email, role) {
      const admin = await server.adminClient();
      const created = await admin
        .post('/api/users', { email, displayName: email.split('@')[0], role })
        .expect<{ user: { id: string }; oneTimePassword: string }>(201);
      const client = new HttpClient(address);
      await client.login(email, created.oneTimePassword);
      const password = 'Zq7 test passphrase for the suite';
      await client
        .post('/api/auth/password', {
          currentPassword: created.oneTimePassword,
          newPassword: password,
        })
        .expect(200);
      return { client, id: created.user.id, password };
    },
    async close() {
      await app.close();
      await testDb.cleanup();
    },
  };
  return server;
}
