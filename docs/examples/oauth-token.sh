#!/usr/bin/env bash
# Gets an access token from Chaman Mirror's token endpoint with nothing but openssl and curl (issue 14):
# an RS256 client assertion (RFC 7523) signed with the private key of one of the REST account's certificates.
#
#   docs/examples/oauth-token.sh <base-url> <client-id> <private-key.pem> [scope]
#   docs/examples/oauth-token.sh http://localhost:3000 self_service_chaman_300003_abcdefghij client.key \
#     scope:sigedis:gestion:careerpro-federal-learning-account:employer
#
# Prints the token endpoint's JSON answer (access_token… or error, error_description, reason).
set -euo pipefail
if [ "$#" -lt 3 ]; then
  sed -n '5,7p' "$0" >&2
  exit 2
fi
base=${1%/}
client_id=$2
key=$3
scope=${4:-}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
exp=$((now + 300))                      # at most 10 minutes ahead (seed 003)
jti=$(openssl rand -hex 16)             # new for every request: an assertion is single-use
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","sub":"%s","aud":"%s/oauth/token","iat":%d,"exp":%d,"jti":"%s"}' \
  "$client_id" "$client_id" "$base" "$now" "$exp" "$jti" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)

args=(-sS "$base/oauth/token"
  --data-urlencode grant_type=client_credentials
  --data-urlencode client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
  --data-urlencode "client_assertion=$header.$payload.$signature")
if [ -n "$scope" ]; then args+=(--data-urlencode "scope=$scope"); fi
curl "${args[@]}"
echo
