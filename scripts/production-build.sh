#!/bin/sh
# Every build step of the production image, in one place: the Dockerfile's build stage runs this
# script and nothing else, and test/integration/production/image-build.test.ts runs it the same way
# without Docker, then starts the result. Leaves dist/ (the compiled server) and node_modules/ with
# production dependencies only: what the runtime stage copies.
set -eu
cd "${1:-.}"
# Exactly the lockfile's versions, devDependencies included: the build needs esbuild.
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
# What npm keeps only for itself: not needed to run, and not wanted in an image layer.
rm -rf node_modules/.cache node_modules/.package-lock.json
