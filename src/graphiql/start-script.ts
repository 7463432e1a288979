/**
 * /graphiql/start.js, the page's own script (a file, not inline, so a CSP of script-src 'self' allows
 * it). It reads the options the page carries as JSON, points Monaco's workers at this server, and
 * starts yoga's GraphiQL.
 *
 * Subscriptions run over graphql-ws, whose only place for credentials is `connection_init`: the
 * Authorization header of the active tab's Headers editor is sent there as `{ authorization }`, read
 * each time the socket (re)connects, so a token works for subscriptions as it does for queries (which
 * send the editor's headers themselves). The socket closes when its last subscription ends, so the
 * next one connects with whatever the editor holds then. GraphiQL reports an edit after a short
 * debounce: a subscription started within it connects with the previous headers, is refused (4403),
 * and graphql-ws reconnects with the new ones a moment later.
 */
export const START_SCRIPT = `'use strict';
(function () {
  var options = JSON.parse(document.getElementById('graphiql-options').textContent);
  var workers = {
    editorWorkerService: '/graphiql/editor.worker.js',
    json: '/graphiql/json.worker.js',
    graphql: '/graphiql/graphql.worker.js',
  };
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (moduleId, label) {
      return workers[label] || workers.editorWorkerService;
    },
  };

  // The active tab's headers text: as stored by GraphiQL from an earlier visit, else the first tab's.
  var headersText = (function () {
    try {
      var state = JSON.parse(localStorage.getItem('graphiql:tabState') || 'null');
      var tab = state && state.tabs && state.tabs[state.activeTabIndex];
      if (tab && typeof tab.headers === 'string') return tab.headers;
    } catch (ignored) {}
    var first = options.defaultTabs && options.defaultTabs[0];
    return (first && first.headers) || options.defaultHeaders || '';
  })();
  options.onEditHeaders = function (text) {
    headersText = text;
  };
  options.onTabChange = function (state) {
    var tab = state.tabs[state.activeTabIndex];
    headersText = (tab && tab.headers) || '';
  };
  options.connectionParams = function () {
    var headers;
    try {
      headers = JSON.parse(headersText || '{}');
    } catch (ignored) {
      return {};
    }
    for (var name in headers) {
      if (name.toLowerCase() === 'authorization') return { authorization: String(headers[name]) };
    }
    return {};
  };
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;
