# syntax=docker/dockerfile:1
# assetfed's production image: `docker build -t assetfed .`, then
# `docker run -p 4000:4000 --env-file .env assetfed` (no credentials: the sandbox providers).
ARG NODE_IMAGE=node:20.20-bookworm-slim

# Build stage: every step is scripts/production-build.sh (npm ci, npm run build, npm prune --omit=dev),
# which test/integration/production/image-build.test.ts runs and starts without Docker.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN ["sh", "scripts/production-build.sh"]

# Runtime stage: the compiled server and its production dependencies, run as the image's `node` user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# /ready: 503 while a provider's circuit breaker is open, so an orchestrator routes around the instance.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself (graceful stop within 8 s, under Docker's 10 s).
CMD ["node", "dist/server.js"]
