import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import {
  AppError,
  closePdfBrowser,
  type Clock,
  type Config,
  type Logger,
  systemClock,
} from '../kernel/index.js';
import { accountsDeps, accountsRoutes, registerAccessControl } from '../modules/accounts/index.js';
import { constituentsDeps, constituentsRoutes } from '../modules/constituents/index.js';
import {
  exchangeClientRoutes,
  exchangeDeps,
  exchangeRoutes,
  federationRoutes,
  matchRoutes,
  receivedProfiles,
  teamKeySigner,
  shareRoutes,
  authoringRoutes,
  mispRoutes,
  subscriptionPoller,
  taxiiRoutes,
} from '../modules/exchange/index.js';
import {
  incidentsDeps,
  incidentsRoutes,
  mailIntake,
  mailingDeps,
  mailOutRoutes,
  readTeamName,
  slaSweep,
} from '../modules/incidents/index.js';
import {
  lawDeps,
  lawReportRoutes,
  lawRoutes,
  loadLawCatalogue,
  type LawContent,
} from '../modules/law/index.js';
import { createMailer } from '../modules/mail/index.js';
import { registryRoutes, type ReferenceData } from '../modules/registry/index.js';
import {
  loadToolkitContent,
  toolkitDeps,
  toolkitRoutes,
  type ToolkitContent,
} from '../modules/toolkit/index.js';
import type { Db } from '../storage/index.js';
import { healthRoutes } from './health.js';
import { recordRoutes } from './route-table.js';
import { sendProblem, toAppError } from './problem.js';
import { isSpaRequest, registerWeb, webBuilt, webDistDir } from './web.js';

export interface AppOptions {
  config: Config;
  db: Db;
  logger: Logger;
  clock?: Clock;
  /** Folder of the built web UI; tests may point elsewhere. */
  webDir?: string;
  /** The registry's reference data, loaded once at start (see loadReferenceData). */
  registryData: ReferenceData;
  /** The toolkit's content; loaded from config.toolkitContentDir when not given. */
  toolkitContent?: ToolkitContent;
  /** The law catalogue and its translations; loaded from config.lawContentDir when not given. */
  lawContent?: LawContent;
}

export const appVersion = '0.1.0';

/**
 * The composition root: every module the server mounts is listed here, in order.
 * Nothing registers itself by being imported.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db, logger } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  }) as unknown as FastifyInstance;
  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const webDir = options.webDir ?? webDistDir;
    if (isSpaRequest(request.method, request.url, request.headers.accept) && webBuilt(webDir)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
    }
    return sendProblem(
      new AppError('not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}`),
      request,
      reply,
    );
  });
  // The shared Chromium of PDF exports goes with the server.
  app.addHook('onClose', async () => closePdfBrowser());
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Built once: the Fastify plugin rebuilds helmet's middleware, CSP parsing included, on every
  // request (a few per cent of a TAXII page). Hooks on the root apply to every route and the 404s.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    ),
  );
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.apiRatePerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `Too many requests: try again in ${Math.ceil(context.ttl / 1000)} s`,
        {
          details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        },
      ),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'cirtkit API',
        version: appVersion,
        description:
          'Every answer that is an error is an RFC 9457 problem document (application/problem+json) with a stable `code`. ' +
          'Authenticate with the session cookie (browser; writes need the X-CSRF-Token header) or with `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token created under API tokens',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'cirtkit_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API reference is documentation, not data: it is public like the login page.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    uiHooks: {},
  });

  const deps = accountsDeps(config, db, clock);
  registerAccessControl(app, deps);
  healthRoutes(app, db);
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  accountsRoutes(app, {
    deps,
    secureCookies: config.secure,
    loginRatePerMinute: config.loginRatePerMinute,
  });
  // Teams' own profiles received over federation appear in the progress report beside the
  // registry's data (at most TLP:GREEN: the report is shared).
  const registry = {
    db,
    clock,
    data: options.registryData,
    selfReports: () => receivedProfiles(db),
  };
  registryRoutes(app, registry);
  const content = options.toolkitContent ?? loadToolkitContent(config.toolkitContentDir);
  const toolkit = toolkitDeps(db, clock, content, registry);
  toolkitRoutes(app, toolkit);
  // The law catalogue is read once: a bad catalogue file stops the start with its place named.
  const law = lawDeps(
    db,
    clock,
    options.lawContent ?? loadLawCatalogue(config.lawContentDir),
    registry,
  );
  lawRoutes(app, law);
  lawReportRoutes(app, law);
  const constituents = constituentsDeps(db, clock, { dataDir: config.dataDir });
  constituentsRoutes(app, constituents);
  const incidents = incidentsDeps(db, clock, config, constituents, toolkit);
  incidentsRoutes(app, incidents);
  // Missed SLA deadlines onto the timeline, every CIRTKIT_SLA_SWEEP_SECONDS.
  slaSweep(app, incidents, logger);
  // Exchange between CIRTs: the team's API and the TAXII 2.1 server at /taxii2/.
  const exchange = exchangeDeps(db, clock, deps, { publicUrl: config.publicUrl });
  exchangeRoutes(app, exchange);
  const teamName = async () => (await readTeamName(db.kysely)) ?? 'cirtkit';
  exchangeClientRoutes(app, exchange, teamName);
  mispRoutes(app, exchange, teamName);
  federationRoutes(
    app,
    exchange,
    teamName,
    teamKeySigner(config.mail.pgpKeyFile, config.mail.pgpPassphrase),
  );
  // Incident observables against received indicators; constituents named by a report.
  matchRoutes(app, exchange, incidents);
  // "Share this incident": an anonymised STIX report, previewed then confirmed.
  shareRoutes(app, exchange, incidents, teamName);
  // Creating STIX objects and new versions of the team's own.
  authoringRoutes(app, exchange, teamName);
  await taxiiRoutes(app, exchange, toAppError);
  // Subscriptions to peers' collections are polled when due, checked every minute.
  subscriptionPoller(app, exchange, logger, config.exchangePollSeconds);
  // Outgoing mail: notifications, the public report form and its acknowledgements.
  const mailer = createMailer(config.mail, logger);
  app.addHook('onClose', () => Promise.resolve(mailer.close()));
  await mailOutRoutes(app, mailingDeps(incidents, mailer, logger));
  // The intake mailbox: /api/mail, and the IMAP poller when CIRTKIT_IMAP_URL is set.
  mailIntake(app, { incidents, logger, mailer });
  await registerWeb(app, options.webDir);
  return app;
}
