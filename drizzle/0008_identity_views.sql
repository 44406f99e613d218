-- The two lookups every API request starts with (an API key by its hash, a session by its id),
-- as views owned by the identity role. Reading through a view checks the underlying tables as
-- its owner, so these answer outside a transaction, in one statement, with the identity role's
-- row-level security; everything else about identity still runs in withIdentity transactions.
CREATE SCHEMA IF NOT EXISTS clientele_identity AUTHORIZATION clientele_auth;--> statement-breakpoint
SET LOCAL ROLE clientele_auth;--> statement-breakpoint
CREATE VIEW clientele_identity.api_key_principals AS
  SELECT k.id, k.name, k.role, k.key_hash, k.last_used_at, k.revoked_at, k.expires_at,
         o.id AS organization_id, o.name AS organization_name, o.slug AS organization_slug
  FROM public.api_keys k
  JOIN public.organizations o ON o.id = k.organization_id;--> statement-breakpoint
CREATE VIEW clientele_identity.session_principals AS
  SELECT s.id, s.secret_hash, s.user_id, s.two_factor_verified, s.reauthenticated_at,
         s.last_seen_at, s.expires_at, s.absolute_expires_at,
         u.email AS user_email, u.name AS user_name, u.email_verified_at AS user_email_verified_at,
         u.two_factor_enabled_at AS user_two_factor_enabled_at,
         o.id AS organization_id, o.name AS organization_name, o.slug AS organization_slug,
         m.role AS organization_role
  FROM public.sessions s
  JOIN public.users u ON u.id = s.user_id
  LEFT JOIN public.memberships m
    ON m.user_id = s.user_id AND m.organization_id = s.active_organization_id
  LEFT JOIN public.organizations o ON o.id = m.organization_id;--> statement-breakpoint
RESET ROLE;
