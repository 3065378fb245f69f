# syntax=docker/dockerfile:1
# Commonplace in one image: built once, run as many times as needed. compose.yaml runs it
# as the one-shot migration and as two app replicas behind nginx (README "Running in
# production", docs/decisions/022). The image runs on SQLite or PostgreSQL, whichever
# DATABASE_URL names.
#
#   docker build -t commonplace .
#   # Building the same deployment more than once (one build per host)? Give every build
#   # the same Server Actions key: NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=... docker build \
#   #   --secret id=actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY -t commonplace .

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# Dependencies from the lockfile alone, so this layer is reused until it changes. Install
# scripts run only where package.json's allowScripts allows them: better-sqlite3 (its
# native module: a prebuilt download, else compiled with the tools below) and esbuild.
# Prisma's engine downloads are not needed: it runs its WebAssembly engine (decision 001).
FROM base AS deps
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund \
    && npm rebuild better-sqlite3 esbuild

FROM deps AS build
COPY . .
# Both Prisma clients (what `npm ci` runs as postinstall), then the one build. The key,
# when given, is embedded in the build (Next reads it at build time).
RUN npm run db:generate
RUN --mount=type=secret,id=actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY \
    npm run build \
    && mv .next /build-output

FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    UPLOAD_DIR=/data/uploads
# The whole project, owned by root and read-only to the app: server.mjs loads plain
# JavaScript from lib/ and next.config.ts, the readiness check reads the migrations in
# prisma/, and the same image runs `npm run db:migrate` (the Prisma CLI) and
# `npm run user:create-admin` (tsx), which are development dependencies.
COPY --from=build /app /app
# Only the build folder is written at run time (Next's caches).
COPY --from=build --chown=node:node /build-output /app/.next
RUN mkdir -p /data/uploads && chown node:node /data/uploads
USER node
EXPOSE 3000
# Ready: the database answers and every migration of this build is applied (decision 015).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# server.mjs finishes the requests in flight on SIGTERM (docker stop), then exits.
CMD ["node", "server.mjs"]
