# syntax=docker/dockerfile:1.7
# One image, two roles: the compose file runs it as `api` and as `judge`.

FROM node:20.20-bookworm-slim AS build
WORKDIR /app
# isolated-vm compiles a native addon when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# The postinstall step builds the server (SWC) and the web client (Vite), so the sources come first.
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY --from=build /app/challenges ./challenges
COPY --from=build /app/package.json ./package.json
USER node
EXPOSE 3000
CMD ["node", "--no-node-snapshot", "--enable-source-maps", "dist/apps/api/src/main.js"]
