# syntax=docker/dockerfile:1
# aerogate: build with the dev toolchain, run with production dependencies only.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY gen/ts ./gen/ts
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    AEROGATE_LISTEN=0.0.0.0:50051
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/bin ./bin
USER node
# 50051: gRPC; 9464: Prometheus /metrics when --metrics-listen (AEROGATE_METRICS_LISTEN) is set.
EXPOSE 50051 9464
# Through the gRPC health service: healthy only while the gateway reaches Aerospike and is not draining.
HEALTHCHECK --interval=10s --timeout=5s --retries=5 \
  CMD ["node", "bin/healthcheck.js"]
# Exec form: node runs as PID 1 and receives SIGTERM itself, so the gateway drains before exiting.
ENTRYPOINT ["node", "bin/aerogate.js"]
CMD ["serve"]
