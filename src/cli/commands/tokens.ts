import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import {
  createToken,
  emailSchema,
  findUserByEmail,
  listTokens,
  permissionsOf,
  revokeToken,
  roleSchema,
  toUser,
  type Identity,
} from '../../modules/accounts/index.js';
import type { CliContext } from '../context.js';
import { parseArg } from '../args.js';
import { withContext } from '../context.js';
import { print, table, type OutputOptions } from '../output.js';

/** The CLI runs with the machine's authority: it acts for the named user, with admin reach. */
async function ownerIdentity(ctx: CliContext, email: string): Promise<Identity> {
  const row = await findUserByEmail(ctx.db.kysely, parseArg(emailSchema, email, '--user'));
  if (!row) throw new AppError('user_not_found', `No user with e-mail ${email}`);
  const user = toUser(row);
  return {
    user,
    role: user.role,
    permissions: new Set([...permissionsOf(user.role), 'tokens.manage']),
    via: 'token',
  };
}

/** Whoever runs the CLI on the server holds the machine: they may see and revoke every token. */
const machineAuthority: Identity = {
  user: { id: 'cli' } as Identity['user'],
  role: 'admin',
  permissions: new Set(['tokens.manage']),
  via: 'token',
};

export function tokenCommands(program: Command): void {
  const token = program.command('token').description('manage API tokens');

  token
    .command('create')
    .description('create an API token for a user; the secret is printed once')
    .requiredOption('--user <email>', 'the owner of the token')
    .requiredOption('--name <name>', 'what the token is for, e.g. "feed importer"')
    .option('--role <role>', "the token's role (default: the owner's role)")
    .option('--expires-days <days>', 'days until the token expires (default: never)')
    .option('--json', 'print JSON')
    .action(
      async (
        options: {
          user: string;
          name: string;
          role?: string;
          expiresDays?: string;
        } & OutputOptions,
      ) => {
        const expiresInDays =
          options.expiresDays === undefined
            ? undefined
            : parseArg(
                z.coerce.number().int().min(1).max(3650),
                options.expiresDays,
                '--expires-days',
              );
        await withContext(async (ctx) => {
          const owner = await ownerIdentity(ctx, options.user);
          const role =
            options.role === undefined
              ? owner.user.role
              : parseArg(roleSchema, options.role, '--role');
          const created = await createToken(ctx.deps, ctx.audit, owner, {
            name: options.name,
            role,
            expiresInDays,
          });
          print(options, created, () =>
            [
              `Token "${created.token.name}" (${created.token.role}) for ${created.token.userEmail}:`,
              created.secret,
              'It is shown only now.',
            ].join('\n'),
          );
        });
      },
    );

  token
    .command('list')
    .description('list API tokens (all users, or one with --user)')
    .option('--user <email>', 'only this user')
    .option('--json', 'print JSON')
    .action(async (options: { user?: string } & OutputOptions) => {
      await withContext(async (ctx) => {
        let tokens = await listTokens(ctx.deps, machineAuthority, true);
        if (options.user) {
          const email = parseArg(emailSchema, options.user, '--user');
          tokens = tokens.filter((t) => t.userEmail === email);
        }
        print(options, tokens, () =>
          table(
            tokens.map((t) => ({
              id: t.id,
              user: t.userEmail,
              name: t.name,
              role: t.role,
              prefix: t.prefix,
              status: t.revokedAt ? 'revoked' : 'active',
            })),
            ['id', 'user', 'name', 'role', 'prefix', 'status'],
          ),
        );
      });
    });

  token
    .command('revoke')
    .description('revoke an API token by its id')
    .argument('<id>', 'the token id (see token list)')
    .option('--json', 'print JSON')
    .action(async (id: string, options: OutputOptions) => {
      const tokenId = parseArg(z.uuid('must be a token id (UUID)'), id, 'id');
      await withContext(async (ctx) => {
        await revokeToken(ctx.deps, ctx.audit, machineAuthority, tokenId);
        print(options, { id: tokenId, revoked: true }, () => `Token ${tokenId} is revoked.`);
      });
    });
}
