import { PERMISSION_DESCRIPTIONS } from '@/schemas/permission-descriptions';
import type { Permission } from '@/schemas/permissions';

/** A scope as a person reads it on a consent screen; an unknown one as it is spelled. */
export function scopeInWords(scope: string): string {
  return Object.hasOwn(PERMISSION_DESCRIPTIONS, scope)
    ? PERMISSION_DESCRIPTIONS[scope as Permission]
    : scope;
}

/** An app's scopes in words, one to a line, for a table cell. */
export function ScopeList({ scopes }: { scopes: readonly string[] }) {
  return (
    <ul className="grid gap-0.5 text-sm">
      {scopes.map((scope) => (
        <li key={scope}>{scopeInWords(scope)}</li>
      ))}
    </ul>
  );
}

/** How many permissions an app has; opening it lists them in words. */
export function ScopeCount({ scopes }: { scopes: readonly string[] }) {
  const words = scopes.map(scopeInWords);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer whitespace-nowrap">
        {scopes.length === 1 ? '1 permission' : `${scopes.length} permissions`}
      </summary>
      <ul className="mt-1 grid gap-0.5 text-muted-foreground">
        {words.map((word) => (
          <li key={word}>{word}</li>
        ))}
      </ul>
    </details>
  );
}
