import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpClient } from './http.js';
import { adminPassword } from './server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A cirtkit instance running as its own process, as `cirtkit serve` starts it. */
export interface Instance {
  url: string;
  /** A client of the first admin, the one-time password already replaced. */
  admin: HttpClient;
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts `cirtkit serve` in a child process on a free loopback port with `env` (its database:
 * DATABASE_URL, or SQLite in CIRTKIT_DATA_DIR), and logs in as the first admin.
 */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const { child, url, output } = await new Promise<{
    child: ChildProcess;
    url: string;
    output: () => string;
  }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'serve'],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          CIRTKIT_PORT: '0',
          CIRTKIT_LOG_LEVEL: 'warn',
          CIRTKIT_ADMIN_EMAIL: 'admin@cirt.example',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let text = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${text}`)), 60_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /cirtkit is running at (http:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => text });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${text}`));
    });
  });
  const password = /one-time password:\s+(\S+)/.exec(output())?.[1];
  if (!password) throw new Error(`no one-time password in the output:\n${output()}`);
  const admin = new HttpClient(url);
  await admin.login('admin@cirt.example', password);
  await admin
    .post('/api/auth/password', { currentPassword: password, newPassword: adminPassword })
    .expect(200);
  return {
    url,
    admin,
    output,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
