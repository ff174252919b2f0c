#!/usr/bin/env bash
# Lints the OpenAPI document the application serves with Redocly's recommended rules (see redocly.yaml).
# A developer check, not part of the Maven build (it needs Node 20+ and the npm registry):
#   scripts/lint-openapi.sh              # saves the document from a test run, then lints it
#   scripts/lint-openapi.sh some.json    # lints a document you already have
# Target: 0 errors and 0 warnings.
set -euo pipefail
cd "$(dirname "$0")/.."
document="${1:-target/openapi.json}"
if [[ $# -eq 0 ]]; then
  # The test saves /openapi.json of the running app to target/openapi.json (and checks every example).
  ./mvnw -q -o test -Dtest=OpenApiDocumentIntegrationTests -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false
fi
npx -y @redocly/cli@latest lint --config redocly.yaml --max-problems 500 "$document"
