import type { Command } from 'commander';
import { z } from 'zod';
import { AppError, isoNow } from '../../kernel/index.js';
import {
  createUser,
  displayNameSchema,
  emailSchema,
  findUserByEmail,
  listUsers,
  resetPassword,
  roleSchema,
  toUser,
  updateUser,
  type User,
} from '../../modules/accounts/index.js';
import type { Executor } from '../../storage/index.js';
import { parseArg } from '../args.js';
import { withContext } from '../context.js';
import { print, table, type OutputOptions } from '../output.js';

async function userByEmail(db: Executor, email: string): Promise<User> {
  const row = await findUserByEmail(db, parseArg(emailSchema, email, 'email'));
  if (!row) throw new AppError('user_not_found', `No user with e-mail ${email}`);
  return toUser(row);
}

function oneTimeText(user: User, password: string): string {
  return [
    `User ${user.email} (${user.role}) is ready.`,
    `One-time password: ${password}`,
    'It is shown only now; the user must change it at first login.',
  ].join('\n');
}

export function userCommands(program: Command): void {
  const user = program.command('user').description('manage user accounts');

  user
    .command('add')
    .description('create a user with a one-time password')
    .argument('<email>', 'e-mail address, used to log in')
    .requiredOption('--role <role>', 'admin, lead, analyst, coordinator or viewer')
    .option('--name <name>', 'display name (default: the part of the e-mail before @)')
    .option('--json', 'print JSON')
    .action(async (email: string, options: { role: string; name?: string } & OutputOptions) => {
      const input = {
        email: parseArg(emailSchema, email, 'email'),
        role: parseArg(roleSchema, options.role, '--role'),
        displayName: parseArg(
          displayNameSchema,
          options.name ?? email.split('@')[0] ?? email,
          '--name',
        ),
      };
      await withContext(async (ctx) => {
        const created = await createUser(ctx.deps, ctx.audit, input);
        print(options, created, () => oneTimeText(created.user, created.oneTimePassword));
      });
    });

  user
    .command('list')
    .description('list users')
    .option('--role <role>', 'only this role')
    .option('--json', 'print JSON')
    .action(async (options: { role?: string } & OutputOptions) => {
      const role =
        options.role === undefined ? undefined : parseArg(roleSchema, options.role, '--role');
      await withContext(async (ctx) => {
        const { items } = await listUsers(
          ctx.db.kysely,
          { role, limit: 100_000, offset: 0 },
          isoNow(ctx.deps.clock),
        );
        const users = items.map(toUser);
        print(options, users, () =>
          table(
            users.map((u) => ({
              email: u.email,
              name: u.displayName,
              role: u.role,
              status: u.disabled
                ? 'disabled'
                : u.lockedUntil && u.lockedUntil > isoNow(ctx.deps.clock)
                  ? 'locked'
                  : 'active',
              'last login': u.lastLoginAt ?? '-',
            })),
            ['email', 'name', 'role', 'status', 'last login'],
          ),
        );
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .description(
        disabled
          ? 'disable a user (ends their sessions, stops their tokens)'
          : 'enable a disabled user',
      )
      .argument('<email>', 'the user')
      .option('--json', 'print JSON')
      .action(async (email: string, options: OutputOptions) => {
        await withContext(async (ctx) => {
          const target = await userByEmail(ctx.db.kysely, email);
          const updated = await updateUser(ctx.deps, ctx.audit, target.id, { disabled });
          print(
            options,
            updated,
            () => `User ${updated.email} is ${disabled ? 'disabled' : 'enabled'}.`,
          );
        });
      });
  }

  user
    .command('reset-password')
    .description('give a user a new one-time password (also lifts a lockout)')
    .argument('<email>', 'the user')
    .option('--json', 'print JSON')
    .action(async (email: string, options: OutputOptions) => {
      await withContext(async (ctx) => {
        const target = await userByEmail(ctx.db.kysely, email);
        const reset = await resetPassword(ctx.deps, ctx.audit, target.id);
        print(options, reset, () => oneTimeText(reset.user, reset.oneTimePassword));
      });
    });

  user
    .command('set-role')
    .description("change a user's role")
    .argument('<email>', 'the user')
    .argument('<role>', 'admin, lead, analyst, coordinator or viewer')
    .option('--json', 'print JSON')
    .action(async (email: string, role: string, options: OutputOptions) => {
      const parsed = parseArg(z.string().pipe(roleSchema), role, 'role');
      await withContext(async (ctx) => {
        const target = await userByEmail(ctx.db.kysely, email);
        const updated = await updateUser(ctx.deps, ctx.audit, target.id, { role: parsed });
        print(options, updated, () => `User ${updated.email} is now ${updated.role}.`);
      });
    });
}
