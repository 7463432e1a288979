import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../../src/config/index.js';

/**
 * .env.example's variables: its NAME=value lines, and the `# NAME=value` lines left commented out
 * (listed with their default, but not set by an env file).
 */
function readEnvExample(): Record<string, string> {
  const text = readFileSync(resolve(import.meta.dirname, '../../../.env.example'), 'utf8');
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) env[match[1]!] = match[2]!;
    else expect(line === '' || line.startsWith('#'), `unexpected line: ${line}`).toBe(true);
  }
  return env;
}

describe('.env.example', () => {
  it("lists every variable src/config/ reads (the server's and each provider module's), and no other", () => {
    expect(Object.keys(readEnvExample()).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('holds the defaults: loaded as it is, it configures exactly what an empty environment does', () => {
    expect(loadConfig(readEnvExample())).toEqual(loadConfig({}));
  });
});
