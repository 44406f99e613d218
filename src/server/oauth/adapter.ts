import type { Adapter, AdapterPayload } from 'oidc-provider';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { sha256Of } from '@/server/auth/tokens';
import { findOAuthAppByClientId } from '@/server/db/repositories/oauth-apps';
import {
  consumeOAuthRecord,
  destroyOAuthGrant,
  destroyOAuthRecord,
  findOAuthRecord,
  upsertOAuthRecord,
} from '@/server/db/repositories/oauth-records';
import { withIdentity } from '@/server/db/tenant';
import type { Database } from '@/server/db/types';
import { clientMetadataOf } from './client-metadata';

/** The models whose ids are credentials: kept only as SHA-256 of the id. */
const CREDENTIAL_MODELS = new Set([
  'AuthorizationCode',
  'RefreshToken',
  'AccessToken',
  'ClientCredentials',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

const storedIdOf = (model: string, id: string) =>
  CREDENTIAL_MODELS.has(model) ? encodeHexLowerCase(sha256Of(id)) : id;

/**
 * The authorization server's storage on this database: clients are the organizations' apps;
 * everything else is a row of oauth_records (as the identity role: none of it is tenant data).
 */
export function databaseAdapter(db: Database) {
  return class DatabaseAdapter implements Adapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      const stored = { ...payload } as Record<string, unknown>;
      // The token itself is the id of a credential; it is not kept.
      if (CREDENTIAL_MODELS.has(this.model)) delete stored.jti;
      await withIdentity(db, (tx) =>
        upsertOAuthRecord(tx, this.model, storedIdOf(this.model, id), {
          payload: stored,
          grantId: payload.grantId ?? null,
          uid: payload.uid ?? null,
          accountId: this.model === 'Grant' ? (payload.accountId ?? null) : null,
          clientId: payload.clientId ?? null,
          expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
        }),
      );
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') {
        const found = await withIdentity(db, (tx) => findOAuthAppByClientId(tx, id));
        return found && clientMetadataOf(found.app);
      }
      const row = await withIdentity(db, (tx) =>
        findOAuthRecord(tx, this.model, { id: storedIdOf(this.model, id) }),
      );
      if (!row) return undefined;
      return {
        ...row.payload,
        ...(CREDENTIAL_MODELS.has(this.model) ? { jti: id } : {}),
        ...(row.consumedAt ? { consumed: Math.floor(row.consumedAt.getTime() / 1000) } : {}),
      };
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const row = await withIdentity(db, (tx) => findOAuthRecord(tx, this.model, { uid }));
      return row?.payload;
    }

    async findByUserCode(): Promise<AdapterPayload | undefined> {
      // The device flow is not offered.
      return undefined;
    }

    async consume(id: string) {
      await withIdentity(db, (tx) =>
        consumeOAuthRecord(tx, this.model, storedIdOf(this.model, id)),
      );
    }

    async destroy(id: string) {
      await withIdentity(db, (tx) =>
        destroyOAuthRecord(tx, this.model, storedIdOf(this.model, id)),
      );
    }

    async revokeByGrantId(grantId: string) {
      await withIdentity(db, (tx) => destroyOAuthGrant(tx, grantId));
    }
  };
}
