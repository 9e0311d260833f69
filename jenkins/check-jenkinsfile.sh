#!/usr/bin/env bash
# Groovy syntax check of the Jenkinsfile (or the files given) with Debian's `groovy` (apt-get
# install groovy; any JDK 11+). Exit 0 = it parses; 1 = a syntax error (printed with its line).
#   jenkins/check-jenkinsfile.sh [--self-test] [FILE…]   (--self-test: a broken copy must fail too)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v groovy >/dev/null || { echo "groovy is not installed (apt-get install groovy)" >&2; exit 2; }
# Debian's launcher wants JAVA_HOME; take the JDK of the java on PATH when it is not set.
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi
groovy jenkins/check-groovy-syntax.groovy "${@:-Jenkinsfile}"
