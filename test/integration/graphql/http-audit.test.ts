import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';

/**
 * The GraphQL-over-HTTP conformance audit of the `graphql-http` package against the server as it runs
 * out of the box: startHarness() with no env is the sandbox, anonymous, every default limit and
 * plugin in place. A MUST that fails is non-conformance; SHOULD and MAY audits are recommendations,
 * recorded and summarised but not asserted on (only that running them does not throw).
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

// serverAudits only builds the list; `url` is read lazily by each audit, after beforeAll has started
// the server. Node's own fetch is the transport, as a real client would use.
const audits = serverAudits({ url: () => `${h.url}/graphql`, fetchFn: fetch });
const recommendations: AuditResult[] = [];

/** The reason of a failed audit, with the response body that made it fail (the audits read it first). */
async function explain(result: AuditResult): Promise<string> {
  if (result.status === 'ok') return '';
  let body = '';
  try {
    body = await result.response.clone().text();
  } catch {
    // The body was already consumed by the audit; its reason alone has to do.
  }
  return `${result.name}: ${result.reason} (HTTP ${result.response.status}${body ? `, body ${body.slice(0, 500)}` : ''})`;
}

describe('graphql-http serverAudits, default configuration', () => {
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST')) {
        // The message carries the audit's reason and the server's answer, so a failure says why.
        expect(result.status, await explain(result)).toBe('ok');
      } else {
        recommendations.push(result);
      }
    });
  }

  afterAll(async () => {
    const warned = recommendations.filter((r) => r.name.startsWith('SHOULD') && r.status !== 'ok');
    if (warned.length === 0) return;
    const lines = await Promise.all(warned.map(explain));
    console.info(`graphql-http: ${warned.length} SHOULD audit(s) not met:\n  ${lines.join('\n  ')}`);
  });
});
