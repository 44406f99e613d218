/** The permissions a grant holds, over every API it covers (oidc-provider's Grant payload). */
export function scopesOfGrant(payload: Record<string, unknown>): string[] {
  const resources = (payload.resources ?? {}) as Record<string, string>;
  const scopes = new Set<string>();
  for (const granted of Object.values(resources)) {
    for (const scope of granted.split(' ')) if (scope) scopes.add(scope);
  }
  return [...scopes];
}
