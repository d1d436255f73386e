import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { repeating, runWithServer, type ServerHooks } from './repeating.js';

describe('repeating', () => {
  it('runs at once, then again only after each run ended, never two at a time', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const loop = repeating({
      seconds: 0.005,
      run: async () => {
        active += 1;
        most = Math.max(most, active);
        runs += 1;
        await sleep(20);
        active -= 1;
      },
    });
    loop.start();
    loop.start(); // a second start is ignored
    assert.equal(runs, 1, 'the first run starts at once');
    await sleep(120);
    await loop.stop();
    assert.equal(most, 1);
    assert.ok(runs >= 3 && runs <= 6, `runs ${runs}: each waits for the last (20 ms) plus 5 ms`);
  });

  it('goes on after a failed run, and stop waits for the run under way', async () => {
    let runs = 0;
    let finished = 0;
    const loop = repeating({
      seconds: 0.005,
      run: async () => {
        runs += 1;
        await sleep(15);
        finished += 1;
        if (runs === 1) throw new Error('first run fails');
      },
    });
    loop.start();
    await sleep(40);
    assert.ok(runs >= 2, 'a failed run does not stop the timer');
    await loop.stop();
    assert.equal(finished, runs, 'stop returned only after the run under way ended');
    assert.equal(loop.running, false);
    const after = runs;
    await sleep(40);
    assert.equal(runs, after, 'no run after stop');
  });

  it('runWithServer starts on ready and stops on close', async () => {
    const hooks: Record<string, (...args: never[]) => unknown> = {};
    const app = {
      addHook: (name: string, hook: (...args: never[]) => unknown) => {
        hooks[name] = hook;
      },
    } as unknown as ServerHooks;
    const calls: string[] = [];
    runWithServer(app, {
      start: () => calls.push('start'),
      stop: () => {
        calls.push('stop');
        return Promise.resolve();
      },
    });
    assert.deepEqual(calls, []);
    await new Promise<void>((done) => (hooks.onReady as (d: () => void) => void)(done));
    await (hooks.onClose as () => Promise<void>)();
    assert.deepEqual(calls, ['start', 'stop']);
  });
});
