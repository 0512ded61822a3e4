# wowbot container: built with the full toolchain, run as a non-root user with production dependencies only.
# Migrations are applied by `wowbot serve` at start-up (an advisory lock makes that safe with several replicas).

# Production dependencies only, no install scripts (the Prisma client is generated in the build stage).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# Full install, Prisma client generation (stub engine, no download) and TypeScript build.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts/no-native-schema-engine.sh ./scripts/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run db:generate && npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY prisma/migrations ./prisma/migrations
# /data holds the embedded PGlite database when DATABASE_URL is not set; mount a volume there to keep it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The entrypoint execs Node (so Node is PID 1 and gets SIGTERM) and gives `serve` a 512 MB heap limit unless
# NODE_OPTIONS sets one (docs/operations.md, "Memory under sustained load").
ENTRYPOINT ["/bin/sh", "/app/bin/entrypoint.sh"]
CMD ["serve"]
