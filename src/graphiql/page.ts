import type { GraphiQLOptions } from 'graphql-yoga';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The GraphiQL page: a shell whose every file comes from this server (src/graphiql/assets.ts) and
 * whose options travel as a JSON data block, which start.js reads (no inline script to allow).
 */
export function renderGraphiQLPage(options: GraphiQLOptions): string {
  // "<" escaped, so no value can close the script element it sits in.
  const data = JSON.stringify(options).replace(/</g, '\\u003c');
  const title = escapeHtml(options.title ?? 'GraphiQL');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="/graphiql/favicon.ico" />
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script id="graphiql-options" type="application/json">${data}</script>
    <script src="/graphiql/graphiql.js"></script>
    <script src="/graphiql/start.js"></script>
  </body>
</html>
`;
}
