#!/usr/bin/env bash
# jenkins/: the delivery scripts the Jenkinsfile calls, runnable without Jenkins — package, deploy
# to TEST and PROD, smoke tests, rollback, the TEST refresh from PROD, the rehearsal (rehearse.mjs),
# Jenkins's own set-up (casc.yaml, plugins.txt) and the services' systemd units. No application code.
# This file: the Jenkinsfile's steps, also for a developer's shell:
#   install | check | test | build | package | deploy ENV | smoke ENV | rollback ENV
# package leaves one artifact in dist/releases (its file name in dist/releases/LATEST), which
# deploy takes; ENV is test or prod, configured by $DEPLOY_ENV_FILE (docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")/.."
releases=dist/releases
version() { sed -E 's/^adoption-register-(.*)\.tar$/\1/' "$releases/LATEST"; }
case "${1:-}" in
  install) npm ci --no-audit --no-fund ;;
  check) npm run --silent typecheck && npm run --silent lint ;;
  test) npm test ;;
  build) npm run build ;;
  package) rm -rf "$releases" && node jenkins/package.mjs --out "$releases" >/dev/null ;;
  deploy) node jenkins/deploy.mjs "${2:?deploy test|prod}" "$releases/$(cat "$releases/LATEST")" ;;
  smoke) node jenkins/smoke.mjs "${2:?smoke test|prod}" --expect-version "$(version)" ;;
  # Only this build's release, and only when it did not pass its smoke test (planRollback).
  rollback) node jenkins/rollback.mjs "${2:?rollback test|prod}" --version "$(version)" ;;
  *) echo "usage: jenkins/ci.sh install|check|test|build|package|deploy ENV|smoke ENV|rollback ENV" >&2; exit 64 ;;
esac
