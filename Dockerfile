# syntax=docker/dockerfile:1
# The app image: the API (serving the console) and, with another command, the outbox relay and
# mail worker. docker-compose.yml runs both. Two stages: the build stage has every dependency and
# compiles the TypeScript and the console; the runtime stage has only the backend's production
# dependencies, the compiled code, the mail templates and the built console, and runs as `node`.
#   docker build --build-arg APP_VERSION=1.4.0 --build-arg GIT_SHA=$(git rev-parse HEAD) -t adoption-register .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first: the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json tsconfig.base.json ./
COPY backend/package.json backend/
COPY migrations/package.json migrations/
COPY model/package.json model/
COPY admin/package.json admin/
RUN npm ci --no-audit --no-fund
COPY migrations/ migrations/
COPY model/ model/
COPY backend/ backend/
COPY admin/ admin/
RUN npx tsc -b backend && npm run build -w admin

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MAIL_DIR=/app/data/mail
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY migrations/package.json migrations/
COPY model/package.json model/
COPY admin/package.json admin/
# Production dependencies of the backend, the migrations and the model only (the console is static
# files).
RUN npm ci --omit=dev --workspace=backend --workspace=migrations --workspace=model \
      --include-workspace-root=false \
      --no-audit --no-fund --ignore-scripts \
  && npm cache clean --force
COPY --from=build /app/migrations/dist migrations/dist
COPY --from=build /app/model/dist model/dist
COPY --from=build /app/backend/dist backend/dist
COPY --from=build /app/admin/dist admin/dist
COPY backend/templates backend/templates
# The build's identity for /api/environment and the console banner (backend/src/health/version.ts).
ARG APP_VERSION=
ARG GIT_SHA=
RUN node -e "require('fs').writeFileSync('build-info.json', JSON.stringify({version: process.argv[1], commit: process.argv[2]}) + '\n')" "$APP_VERSION" "$GIT_SHA" \
  && mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=7s --start-period=90s --retries=3 \
  CMD ["node", "backend/dist/health/probe.js"]
CMD ["node", "backend/dist/main.js"]
