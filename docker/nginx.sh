#!/bin/sh
# compose.yaml's nginx: renders docs/nginx/commonplace.conf, the one source of the proxy's
# settings (mounted read-only), for the app service's replicas, then runs nginx in the
# foreground. Docker's DNS (127.0.0.11) names every replica of `app`; `resolve` (nginx
# 1.27.3 or later) follows them as they start, stop and move.
set -eu
site=/etc/commonplace/commonplace.conf
out=/etc/nginx/conf.d/default.conf

# The documented upstream line, exactly once, as scripts/lib/nginx.mjs also requires.
if [ "$(grep -c 'server 127.0.0.1:3000;' "$site")" != 1 ]; then
    echo "nginx.sh: expected 'server 127.0.0.1:3000;' once in $site" >&2
    exit 1
fi
{
    echo "resolver 127.0.0.11 valid=5s ipv6=off;"
    sed 's|server 127.0.0.1:3000;|server app:3000 resolve;|' "$site"
} > "$out"
exec nginx -g 'daemon off;'
