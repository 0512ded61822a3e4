#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here. `prisma generate` only needs the
# file to exist; anything that really needs the engine (`prisma migrate deploy`) fails loudly instead of no-op'ing.
echo "native schema engine not available; use the project's migration scripts (npm run db:migration, wowbot migrate)" >&2
exit 1
