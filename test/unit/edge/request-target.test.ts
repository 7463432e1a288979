import { describe, expect, it } from 'vitest';
import { readRequestTarget } from '../../../src/server/request-target.js';

describe('readRequestTarget', () => {
  it('keeps the path exactly as sent, splitting off the query', () => {
    expect(readRequestTarget('/graphql?query=x', 'GET', 'api.example.com:4000')).toEqual({
      ok: true,
      path: '/graphql',
      search: '?query=x',
      host: 'api.example.com:4000',
    });
    expect(readRequestTarget('/./graphql', 'GET', 'h')).toMatchObject({ ok: true, path: '/./graphql' });
    expect(readRequestTarget('//graphql', 'GET', 'h')).toMatchObject({ ok: true, path: '//graphql' });
  });

  it('takes the authority of an absolute-form target instead of Host (RFC 9112 §3.2.2)', () => {
    expect(readRequestTarget('http://a.example:81/graphql?x', 'POST', 'b.example')).toEqual({ ok: true, path: '/graphql', search: '?x', host: 'a.example:81' });
    expect(readRequestTarget('HTTPS://a.example', 'GET', undefined)).toMatchObject({ ok: true, path: '/', host: 'a.example' });
    expect(readRequestTarget('http://a b/graphql', 'GET', 'h')).toMatchObject({ ok: false, status: 400 });
  });

  it.each(['a b', '[::1', 'host:99999', 'host:65536', 'a@b', 'h/x', 'h?x', 'h#x', '[zz]', 'a:b:c', '\u00e9', 'a%zz'])('refuses the Host %j', (host) => {
    expect(readRequestTarget('/graphql', 'GET', host)).toMatchObject({ ok: false, status: 400 });
  });

  it.each(['localhost', '127.0.0.1:4000', '[::1]', '[::1]:4000', 'api.example.com', 'xn--bcher-kva.example', 'h:'])('accepts the Host %j', (host) => {
    expect(readRequestTarget('/graphql', 'GET', host)).toMatchObject({ ok: true, host });
  });

  it('requires Host from HTTP/1.1 (not from HTTP/1.0, nor with an absolute-form target)', () => {
    expect(readRequestTarget('/graphql', 'GET', undefined, '1.1')).toMatchObject({ ok: false, status: 400 });
    expect(readRequestTarget('/graphql', 'GET', undefined, '1.0')).toMatchObject({ ok: true, host: 'localhost' });
    expect(readRequestTarget('http://h/graphql', 'GET', undefined, '1.1')).toMatchObject({ ok: true, host: 'h' });
  });

  it('answers the asterisk form for OPTIONS only, and refuses targets that are not paths', () => {
    expect(readRequestTarget('*', 'OPTIONS', 'h')).toEqual({ ok: false, status: 204, asterisk: true });
    expect(readRequestTarget('*', 'GET', 'h')).toMatchObject({ ok: false, status: 400 });
    for (const target of ['graphql', 'ftp://h/graphql', 'h:80', '', 'javascript:alert(1)']) {
      expect([target, readRequestTarget(target, 'GET', 'h').ok]).toEqual([target, false]);
    }
  });
});
