#!/usr/bin/env bash
# Build steps shared by the Jenkinsfile and a developer's shell: install | check | test | build.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  install) npm ci --no-audit --no-fund ;;
  check) npm run --silent typecheck && npm run --silent lint ;;
  test) npm test ;;
  build) npm run build ;;
  *) echo "usage: jenkins/ci.sh install|check|test|build" >&2; exit 64 ;;
esac
