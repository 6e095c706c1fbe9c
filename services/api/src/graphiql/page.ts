/**
 * The GraphiQL page and the script that starts it. Every asset comes from this server (see
 * ./assets.ts); nothing is fetched from anywhere else, so the page works with no network.
 */

/** Where the assets are served, below the page's own path. */
export const assetsPath = '/graphiql/assets'

/** The query GraphiQL opens with: the seed plans and how their indicators are doing. */
const defaultQuery = `# Treguesi: planet lokale të veprimit dhe treguesit e tyre.
# Shtypni Ctrl-Enter për ta ekzekutuar. Për të shkruar, vendosni te "Headers":
#   { "Authorization": "Bearer <token>" }

{
  plans {
    edges {
      node {
        title { sq }
        status
        indicators { code attainment { value reason } }
      }
    }
  }
}
`

export function graphiqlPage(): string {
  return `<!doctype html>
<html lang="sq">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Treguesi · GraphiQL</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${assetsPath}/graphiql.min.css">
    <link rel="stylesheet" href="${assetsPath}/page.css">
  </head>
  <body>
    <div id="graphiql">Duke u ngarkuar…</div>
    <script src="${assetsPath}/react.production.min.js"></script>
    <script src="${assetsPath}/react-dom.production.min.js"></script>
    <script src="${assetsPath}/graphql-ws.min.js"></script>
    <script src="${assetsPath}/graphiql.min.js"></script>
    <script src="${assetsPath}/start.js"></script>
  </body>
</html>
`
}

export const pageStyle = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`

/**
 * Queries and mutations go over HTTP with the headers typed in GraphiQL; subscriptions over a
 * websocket, which a browser cannot give headers, so the Authorization header travels in the
 * connection_init payload instead (one connection per token).
 */
export function startScript(graphqlPath: string): string {
  return `'use strict';
(function () {
  var endpoint = new URL(${JSON.stringify(graphqlPath)}, window.location.href);
  var socketUrl = endpoint.href.replace(/^http/, 'ws');
  var clients = new Map();
  function socketClient(authorization) {
    var key = authorization || '';
    if (!clients.has(key)) {
      clients.set(key, graphqlWs.createClient({
        url: socketUrl,
        lazy: true,
        connectionParams: authorization ? { authorization: authorization } : {}
      }));
    }
    return clients.get(key);
  }
  function authorizationOf(headers) {
    if (!headers) return undefined;
    return headers.Authorization || headers.authorization;
  }
  function fetcher(params, options) {
    var headers = options && options.headers;
    return GraphiQL.createFetcher({ url: endpoint.href, wsClient: socketClient(authorizationOf(headers)) })(params, options);
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: ${JSON.stringify(defaultQuery)} })
  );
})();
`
}
